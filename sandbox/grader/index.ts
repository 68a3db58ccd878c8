/**
 * The grader: the checks API of lesson files (`check`, `expect`, `http`) and the runner that
 * turns registered checks into a grade report. Dependency-free, so it runs in every engine.
 *
 * @example
 * import { check, expect, http } from "grader";   // inside a lesson's checks.ts
 */
export { createGrader } from "./grader";
export type { CheckOptions, GraderApi, GraderEvents, GraderOutcome, GraderRunOptions } from "./grader";
export { expect } from "./expect";
export type { Expectation, AsyncExpectation } from "./expect";
export { createHttp } from "./http";
export type { CheckRequestInit, CheckResponse, HttpClient } from "./http";
export { CheckFailure, isCheckFailure } from "./failure";
