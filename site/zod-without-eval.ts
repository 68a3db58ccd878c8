/**
 * Imported first by every site module that leads to a zod schema (the progress file, the grade
 * report): zod compiles object validators with `new Function` when it can, and decides whether
 * it can, once, by trying, as schemas are created. Under a policy without `'unsafe-eval'` that
 * attempt is reported as a violation, so the site turns compilation off before any schema exists.
 */
// From zod's core, not "zod": the bundler cannot leave out the rest of zod behind that entry, and
// the lesson page imports this long before it reads any report (zod's config is global either way).
import { config } from "zod/v4/core";

config({ jitless: true });
