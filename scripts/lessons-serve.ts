/**
 * `npm run lessons:serve -- <lesson> [--starter | --wrong <mistake>]`: runs a lesson's merged
 * solution (the starter with solution/ laid over it, exactly what the checks grade) as an app,
 * in the node sandbox, and prints its address; Ctrl-C stops it. See lessons/AUTHORING.md.
 */
import { parseArgs } from "node:util";
import { scanCourse } from "../sandbox/course/load-course";
import { findLesson } from "../sandbox/course/find-lesson";
import { loadWrongVariants } from "../sandbox/course/check/wrong-variants";
import { NodeSandbox } from "../sandbox/engines/node";

const USAGE = "usage: npm run lessons:serve -- <lesson> [--starter | --wrong <mistake>]";
const { values, positionals } = parseArgs({ allowPositionals: true, options: { starter: { type: "boolean" }, wrong: { type: "string" } } });
const [name] = positionals;
const lesson = name === undefined ? undefined : findLesson((await scanCourse("lessons")).course, name);
if (!lesson) {
  console.error(name === undefined ? USAGE : `no lesson "${name}"\n${USAGE}`);
  process.exit(2);
}
let files = values.starter ? lesson.starter : lesson.solution;
let what = values.starter ? "starter" : "solution";
if (values.wrong !== undefined) {
  const variant = (await loadWrongVariants(lesson)).variants.find((candidate) => candidate.name === values.wrong);
  if (!variant) {
    console.error(`${lesson.id} has no wrong/${values.wrong}/`);
    process.exit(2);
  }
  files = variant.files;
  what = `wrong/${variant.name} (${variant.note})`;
}
const sandbox = new NodeSandbox();
await sandbox.load({ files, checks: lesson.checks });
const { url } = await sandbox.start();
console.log(`${lesson.id}, ${what}: ${url}\n(Ctrl-C stops it)`);
const stop = async () => {
  await sandbox.dispose();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
