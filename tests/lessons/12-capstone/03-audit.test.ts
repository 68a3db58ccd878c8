/**
 * The audit's promise to the learner (issue 15): the vulnerable starter fails every
 * vulnerability check and the solution passes them all, the starter still works for its members,
 * and each fix moves the count by exactly one. The last is proved with the lesson's
 * wrong/unfixed-<kind> variants, each the solution with one seeded bug put back: each must fail
 * exactly one vulnerability check and nothing else, and together they must cover every one.
 * lessons:check cannot show this: it stops a wrong variant's run at its first failing check.
 */
import { describe, expect, it } from "vitest";
import { findLesson, loadCourse } from "../../../sandbox/course";
import { nodeGrader } from "../../../sandbox/course/check/node-grader";
import { loadWrongVariants } from "../../../sandbox/course/check/wrong-variants";
import type { Files } from "../../../sandbox/course/types";
import { NodeSandbox } from "../../../sandbox/engines/node";
import { CONCEALED_MESSAGE } from "../../../sandbox/grader/grader";
import type { GradeReport } from "../../../sandbox/report";

const lesson = findLesson(await loadCourse("lessons"), "capstone/audit");
if (!lesson) throw new Error("lessons/12-capstone/03-audit is missing");
const { variants } = await loadWrongVariants(lesson);
const grade = nodeGrader({ timeoutMs: 60_000 });

const VULNERABILITY = /^Vulnerability (\d+) of (\d+) is fixed$/;
const failing = (report: GradeReport) => report.checks.filter((check) => check.status !== "pass").map((check) => check.name);
const isVulnerabilityCheck = (name: string) => VULNERABILITY.test(name);

/** Grades file sets two at a time (the machine has two cores), in order. */
async function gradeAll(sets: Files[]): Promise<GradeReport[]> {
  const reports: GradeReport[] = [];
  for (let start = 0; start < sets.length; start += 2) {
    reports.push(...(await Promise.all(sets.slice(start, start + 2).map((files) => grade({ files, checks: lesson!.checks })))));
  }
  return reports;
}

describe("capstone/audit", { timeout: 900_000 }, () => {
  it("counts what is fixed: the starter fails every vulnerability check, the solution none, each fix moves the count by one", async () => {
    const [solution, starter, ...unfixed] = await gradeAll([lesson.solution, lesson.starter, ...variants.map((variant) => variant.files)]);
    const names = solution!.checks.map((check) => check.name);
    const vulnerabilities = names.filter(isVulnerabilityCheck);
    expect(vulnerabilities.length, "vulnerability checks").toBeGreaterThanOrEqual(8);
    vulnerabilities.forEach((name, index) => expect(name).toBe(`Vulnerability ${index + 1} of ${vulnerabilities.length} is fixed`));

    expect(failing(solution!), JSON.stringify(solution, null, 2)).toEqual([]);
    // The starter is a working app with every bug in it: only the vulnerability checks fail.
    expect(failing(starter!), JSON.stringify(starter!.checks.filter((c) => c.status !== "pass"), null, 2)).toEqual(vulnerabilities);

    const caught = variants.map((variant, index) => ({ variant: variant.name, failing: failing(unfixed[index]!) }));
    for (const { variant, failing: names } of caught) {
      expect(names, `${variant}: the solution with one bug put back fails exactly one check, a vulnerability check`).toHaveLength(1);
      expect(isVulnerabilityCheck(names[0] ?? ""), `${variant} fails ${names[0]}`).toBe(true);
    }
    expect(caught.map((entry) => entry.failing[0]).sort(), "the vulnerability each unfixed-<kind> variant fails").toEqual([...vulnerabilities].sort());
  });

  it("tells a learner which vulnerabilities are fixed, and nothing of where or what the others are", async () => {
    // As `npm run learn` and the site grade: no revealing, unlike lessons:check.
    const sandbox = new NodeSandbox({ timeoutMs: 60_000 });
    try {
      await sandbox.load({ files: lesson.starter, checks: lesson.checks });
      const report = await sandbox.check();
      const open = report.checks.filter((check) => isVulnerabilityCheck(check.name));
      expect(open.length, JSON.stringify(report, null, 2)).toBeGreaterThanOrEqual(8);
      for (const check of open) expect(check, check.name).toEqual({ name: check.name, task: check.task, status: "fail", message: CONCEALED_MESSAGE });
    } finally {
      await sandbox.dispose();
    }
  });
});
