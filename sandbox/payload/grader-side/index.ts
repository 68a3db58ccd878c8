/**
 * The grader realm's runtime (bundled to `.vial/grader-runtime.mjs`): the checks, the grader
 * API, proxies for the learner's modules and the report. No learner code ever runs beside it.
 *
 * @example
 * const { runGrader } = await import("./grader-runtime.mjs");
 * const report = await runGrader({ host: { readFile, modules: { vial }, transform, startLearner } });
 */
export { runGrader } from "./run-grader";
export type { GraderSideHost, RunGraderOptions } from "./run-grader";
export { loadRemoteApp } from "./remote-app";
export type { RemoteApp } from "./remote-app";
export { LearnerLink } from "./learner-link";
export type { LearnerPort } from "./learner-link";
export { loopbackPort } from "./loopback";
export { checksImports } from "./checks-imports";
export { createLearnerSide } from "../learner-side/learner";
