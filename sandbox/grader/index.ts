/**
 * The grader: the checks API of lesson files (`check`, `expect`, `http`, `attack`, `random`) and the runner that
 * turns registered checks into a grade report. Dependency-free, so it runs in every engine.
 *
 * In the sandbox, each run gets its own grader (see createGrader) and checks.ts's
 * `import ... from "grader"` resolves to it. The `check` and `http` exported here belong to
 * one shared grader, so editors and tools that resolve "grader" to this file see the same API.
 *
 * @example
 * import { check, expect, http } from "grader";   // inside a lesson's checks.ts
 * check("GET / answers Hello", async () => {
 *   const res = await http(app).get("/");
 *   expect(res.status, "status of GET /").toBe(200);
 * }, { task: 1 });
 */
import { createGrader } from "./grader";
import type { GraderApi } from "./grader";
import { parse as configParsers } from "./config-files";

// Not bundled into the sandbox (its hosts call createGrader), so the parsers can be here.
const shared = createGrader({ parsers: configParsers }).api;

/** Registers a check; see {@link GraderApi}. */
export const check: GraderApi["check"] = shared.check;
/** Calls an app through `app.request` and records the exchange; see {@link GraderApi}. */
export const http: GraderApi["http"] = shared.http;
/** Probes that attack the app (XSS, CSP, open redirects, ...); see attack/index.ts. */
export const attack: GraderApi["attack"] = shared.attack;
/** The run's seeded randomness for fixtures; see attack/random.ts. */
export const random: GraderApi["random"] = shared.random;
/** The run's fake clock over `Date.now`; see clock.ts. */
export const clock: GraderApi["clock"] = shared.clock;
/** The lesson's database from the checks' side; see database.ts. */
export const database: GraderApi["database"] = shared.database;
/** Grades the learner's own tests against the correct app and seeded bugs; see learner-tests.ts. */
export const learnerTests: GraderApi["learnerTests"] = shared.learnerTests;
/** What the app printed during the running check, line by line; see app-log.ts. */
export const appLog: GraderApi["appLog"] = shared.appLog;
/** The learner's process, to signal and watch end (graceful shutdown); see app-process.ts. */
export const appProcess: GraderApi["appProcess"] = shared.appProcess;
/** Parsers for a Dockerfile and a CI workflow, which checks review instead of run; see config-files.ts. */
export const parse: GraderApi["parse"] = shared.parse;

export { createGrader };
export type { CheckOptions, GraderApi, GraderEvents, GraderOutcome, GraderRunOptions } from "./grader";
export { expect } from "./expect";
export type { Expectation, AsyncExpectation } from "./expect";
export { createHttp } from "./http";
export type { CheckRequestInit, CheckResponse, HttpClient } from "./http";
export { CheckFailure, isCheckFailure } from "./failure";
export type { LearnerTestsOptions, LearnerTestsReport, LearnerTestSuite, SeededBug } from "./learner-tests";
export type { AppClock, AppMaker, HostedApp } from "./hosted-apps";
export type { Clock } from "./clock";
export type { AppLog } from "./app-log";
export type { AppExit, AppProcess, AppSignal } from "./app-process";
export type { ConfigParsers, DockerInstruction, DockerStage, ParsedDockerfile } from "./config-files";
export type { DatabaseApi } from "./database";
export type { AttackKit, CsrfOptions, Finding, HtmlContext, OpenRedirectOptions, Random, XssOptions } from "./attack";
