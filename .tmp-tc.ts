import { loadCourse } from "./sandbox/course";
import { typecheckLesson } from "./sandbox/course/check/typecheck";
import { formatProblem } from "./sandbox/course/check/problem";
const course = await loadCourse("lessons");
for (const c of course.chapters) for (const l of c.lessons) { const t = Date.now(); const p = typecheckLesson(l); console.log(l.id, Date.now() - t, "ms"); for (const x of p) console.log("  " + formatProblem(x)); }
