/**
 * `npm run lessons:check [-- --lesson <id>]`: validates every lesson (frontmatter, MDX, files)
 * and grades every solution and starter in the node sandbox. See lessons/AUTHORING.md.
 */
import { runLessonsCheck } from "../sandbox/course/check/cli";
import { nodeGrader } from "../sandbox/course/check/node-grader";

process.exitCode = await runLessonsCheck(process.argv.slice(2), { grade: nodeGrader() });
