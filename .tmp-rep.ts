import { loadCourse } from "./sandbox/course";
import { nodeGrader } from "./sandbox/course/check/node-grader";
const course = await loadCourse("lessons");
const grade = nodeGrader();
for (const c of course.chapters) for (const l of c.lessons) {
  const r = await grade({ files: l.starter, checks: l.checks });
  console.log("==", l.id, r.status);
  for (const ch of r.checks) console.log(`  [${ch.status}] (t${ch.task}) ${ch.name}${ch.message ? " — " + ch.message.split("\n")[0] : ""}`);
}
