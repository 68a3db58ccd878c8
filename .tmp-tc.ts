import { loadCourse } from "./sandbox/course";
import { typecheckLessons } from "./sandbox/course/check/typecheck";
import { formatProblem } from "./sandbox/course/check/problem";
const course = await loadCourse(process.argv[2] ?? "lessons");
const t = Date.now();
const found = typecheckLessons(course.chapters.flatMap(c => c.lessons));
console.log(Date.now() - t, "ms");
for (const [id, ps] of found) { console.log(id, ps.length); for (const p of ps) console.log("  " + formatProblem(p)); }
