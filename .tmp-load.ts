import { scanCourse } from "./sandbox/course";
const { course, problems } = await scanCourse("lessons");
for (const p of problems) console.log("PROBLEM", p.message);
for (const c of course.chapters) for (const l of c.lessons) console.log(l.id, l.previous, l.next, Object.keys(l.starter), JSON.stringify(l.tasks));
