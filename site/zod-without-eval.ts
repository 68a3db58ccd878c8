/**
 * Imported first by every site module that leads to a zod schema (the progress file, the grade
 * report): zod compiles object validators with `new Function` when it can, and decides whether
 * it can, once, by trying, as schemas are created. Under a policy without `'unsafe-eval'` that
 * attempt is reported as a violation, so the site turns compilation off before any schema exists.
 */
import { config } from "zod";

config({ jitless: true });
