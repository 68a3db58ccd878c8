/**
 * A grader for tests that are not about grading: one check per task of the temp-course lesson,
 * passing when app.ts answers "pong" (the SOLUTION of temp-course.ts), failing otherwise.
 */
import type { Grader } from "../../sandbox/course/check/grader";

export function fakeGrader(tasks = 1): Grader {
  return async (input) => {
    const solved = input.files["app.ts"]?.includes('"pong"') ?? false;
    const checks = Array.from({ length: tasks }, (_, i) => ({
      name: `check ${i + 1}`, task: i + 1, status: solved ? ("pass" as const) : ("fail" as const),
      ...(solved ? {} : { message: 'body of GET /ping: expected "pong", got "no".' }),
    }));
    return { status: solved ? "pass" : "fail", durationMs: 1, checks };
  };
}
