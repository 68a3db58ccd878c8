import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorReport, parseGradeReport } from "../../sandbox/report";

const valid = {
  status: "fail",
  durationMs: 12,
  checks: [
    { name: "GET /", task: 1, status: "pass" },
    {
      name: "GET /users/7", task: 2, status: "fail", message: "expected 200, got 404.", hint: "Add the route.",
      trace: { request: { method: "GET", path: "/users/7" }, response: { status: 404, headers: { "content-type": "text/plain" }, body: "Not Found" } },
    },
  ],
};

describe("parseGradeReport", () => {
  it("accepts a report of the documented shape, as text or as a value", () => {
    expect(parseGradeReport(JSON.stringify(valid))).toEqual(valid);
    expect(parseGradeReport(valid)).toEqual(valid);
  });

  it("turns a missing report into an error carrying the captured output", () => {
    const report = parseGradeReport(undefined, "Listening...\nTypeError: boom");
    expect(report.status).toBe("error");
    expect(report.message).toContain("without a grade report");
    expect(report.message).toContain("TypeError: boom");
  });

  it("turns text that is not JSON into an error", () => {
    expect(parseGradeReport("{not json").message).toContain("not valid JSON");
  });

  it("names the first field that breaks the schema", () => {
    const report = parseGradeReport({ ...valid, checks: [{ name: "x", status: "passed" }] });
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/checks\.0\.status/);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (input) => {
        const report = parseGradeReport(input);
        expect(["pass", "fail", "error"]).toContain(report.status);
      }),
    );
  });
});

describe("errorReport", () => {
  it("keeps only the tail of a flood of output", () => {
    const report = errorReport("Stopped.", "x".repeat(50_000) + "THE END");
    expect(report.message!.length).toBeLessThan(2200);
    expect(report.message).toMatch(/^Stopped\.\n\nOutput:\n…x+THE END$/);
  });

  it("leaves the message alone when there was no output", () => {
    expect(errorReport("Stopped.", "  \n")).toEqual({ status: "error", durationMs: 0, message: "Stopped.", checks: [] });
  });
});
