/**
 * `npm run lessons:mutate [-- <lesson>...]`: mutation testing of each lesson's checks against its
 * solution, in the node sandbox. See lessons/AUTHORING.md, "Mutation testing".
 */
import { runLessonsMutate } from "../sandbox/course/mutate/cli";
import { nodeGrader } from "../sandbox/course/check/node-grader";

// As in lessons:check: many runs share the machine, and a mutant that hangs is killed anyway.
process.exitCode = await runLessonsMutate(process.argv.slice(2), { grade: nodeGrader({ timeoutMs: 30_000 }) });
