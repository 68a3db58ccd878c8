import { loadCourse } from "./sandbox/course";
import { typecheckLessons } from "./sandbox/course/check/typecheck";
for (const root of ["tests/lessons/fixtures/valid", "tests/lessons/fixtures/starter-broken", "tests/lessons/fixtures/valid"]) {
  const course = await loadCourse(root);
  const t = Date.now();
  const found = typecheckLessons(course.chapters.flatMap(c => c.lessons));
  console.log(root, Date.now() - t, "ms", JSON.stringify([...found]));
}
