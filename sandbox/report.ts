import { z } from "zod";
import { errorReport } from "./error-report";

export { errorReport };

/** The request half of an HTTP trace: what a check sent to the learner's app. */
export const TraceRequestSchema = z.object({
  method: z.string(),
  path: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.string().optional(),
});

/** The response half of an HTTP trace: what the learner's app answered (body cut to a few KB). */
export const TraceResponseSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

/** One check's result, as the checks panel and the `learn` command show it. */
export const CheckResultSchema = z.object({
  name: z.string(),
  task: z.number().optional(),
  status: z.enum(["pass", "fail", "error", "skip"]),
  message: z.string().optional(),
  hint: z.string().optional(),
  trace: z.object({ request: TraceRequestSchema, response: TraceResponseSchema }).optional(),
});

/**
 * The grade report of one check run (DESIGN.md section 3).
 *
 * `error` means the learner's code did not load, a check timed out, or the run itself broke;
 * `message` then says where (file:line) and why.
 *
 * @example
 * const report = GradeReportSchema.parse({ status: "pass", durationMs: 12, checks: [] });
 */
export const GradeReportSchema = z.object({
  status: z.enum(["pass", "fail", "error"]),
  durationMs: z.number(),
  message: z.string().optional(),
  /** The seed of the checks' randomised fixtures; grading again with it replays the run. */
  seed: z.string().optional(),
  checks: z.array(CheckResultSchema),
});

export type GradeReport = z.infer<typeof GradeReportSchema>;
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type CheckStatus = CheckResult["status"];
export type HttpTrace = NonNullable<CheckResult["trace"]>;

/**
 * Parses a grade report from JSON text (or an already-parsed value). Never throws: a missing,
 * malformed or off-schema report becomes an `error` report carrying the captured output.
 *
 * @example
 * const report = parseGradeReport(line, capturedOutput);
 * if (report.status === "error") console.error(report.message);
 */
export function parseGradeReport(line: string | unknown, output = ""): GradeReport {
  if (line === undefined || line === null || line === "") {
    return errorReport("The checks ended without a grade report.", output);
  }
  let value: unknown = line;
  if (typeof line === "string") {
    try {
      value = JSON.parse(line);
    } catch {
      return errorReport("The grade report was not valid JSON.", output);
    }
  }
  const parsed = GradeReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ` (${issue.path.join(".") || "report"}: ${issue.message})` : "";
    return errorReport(`The grade report did not match the expected shape${where}.`, output);
  }
  return parsed.data;
}
