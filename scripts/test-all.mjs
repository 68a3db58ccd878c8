#!/usr/bin/env node
// `npm test`: every suite in turn (unit tests, the lessons check, browser tests), then one line
// `tests: N passed, M failed` counted from the runners' own reports. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reports = mkdtempSync(join(tmpdir(), "vial-tests-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(title, command, args, readCounts) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  const counts = readCounts();
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped ?? 0;
  }
  if (result.status !== 0) {
    exitCode = 1;
    // A runner that failed without reporting (crash, config error) still counts as a failure.
    if (!counts || counts.failed === 0) totals.failed += 1;
  }
  return result.status === 0;
}

// Type-checking, lint and the framework's structure checks count as one test each: a type
// error, an import cycle in framework/src, an export of framework/src nothing uses (knip) or an
// unformatted framework file (`npm run format` fixes it) fails CI like a failing test.
const staticChecks = [
  ["typecheck (tsc --noEmit)", ["tsc", "--noEmit"]],
  ["lint (eslint)", ["eslint", "."]],
  ["framework import cycles (dpdm)", ["npm", "run", "--silent", "check:cycles"]],
  ["framework unused exports (knip)", ["npm", "run", "--silent", "check:exports"]],
  ["framework formatting (prettier --check)", ["npm", "run", "--silent", "format:check"]],
];
for (const [title, args] of staticChecks) {
  const [command, ...rest] = args[0] === "npm" ? args : ["npx", ...args];
  if (run(title, command, rest, () => undefined)) totals.passed += 1;
}

const vitestReport = join(reports, "vitest.json");
run("unit tests (vitest)", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], () => {
  if (!existsSync(vitestReport)) return undefined;
  const report = JSON.parse(readFileSync(vitestReport, "utf8"));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + (report.numTodoTests ?? 0) };
});

if (existsSync("scripts/lessons-check.ts")) {
  const lessonsReport = join(reports, "lessons.json");
  run("lessons check", process.execPath, ["--import", "tsx", "scripts/lessons-check.ts", "--json", lessonsReport], () => {
    if (!existsSync(lessonsReport)) return undefined;
    return JSON.parse(readFileSync(lessonsReport, "utf8"));
  });
}

const hasBrowserTests = existsSync("tests/e2e") && readdirSync("tests/e2e", { recursive: true }).some((f) => String(f).endsWith(".spec.ts"));
if (hasBrowserTests) {
  const e2eReport = join(reports, "playwright.json");
  process.env.PLAYWRIGHT_JSON_OUTPUT_NAME = e2eReport;
  run("browser tests (playwright)", "npx", ["playwright", "test", "--reporter=list,json"], () => {
    if (!existsSync(e2eReport)) return undefined;
    const stats = JSON.parse(readFileSync(e2eReport, "utf8")).stats;
    return { passed: stats.expected + (stats.flaky ?? 0), failed: stats.unexpected, skipped: stats.skipped };
  });
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(exitCode);
