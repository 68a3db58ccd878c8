/**
 * `npm run lessons:check [-- --lesson <id>]`: validates every lesson (frontmatter, MDX, files)
 * and grades every solution and starter in the node sandbox. See lessons/AUTHORING.md.
 */
import { runLessonsCheck } from "../sandbox/course/check/cli";
import { nodeGrader } from "../sandbox/course/check/node-grader";

// A run may take 30 s here, not the sandbox's 10: lessons:check grades many runs at once on
// shared CI machines, and it checks what the checks decide, not how fast a starter hashes.
process.exitCode = await runLessonsCheck(process.argv.slice(2), { grade: nodeGrader({ timeoutMs: 30_000 }) });
