/**
 * `npm run lessons:new -- <chapter> <slug>`: scaffolds a lesson that fails lessons:check until
 * its author writes it. See lessons/AUTHORING.md.
 */
import { runLessonsNew } from "../sandbox/course/scaffold/cli";

process.exitCode = await runLessonsNew(process.argv.slice(2));
