/**
 * The payload's runtime (bundled to `.vial/runtime.mjs`): the same bytes in every engine and
 * in both realms. The grader's realm uses runGrader (checks, proxies, the report); the learner's
 * realm uses createLearnerSide (the learner's files, their app). The host (a node process, a
 * Worker) supplies file reading, the bundled modules, the TypeScript transform and the channel.
 *
 * @example
 * const { runGrader } = await import("./runtime.mjs");
 * const report = await runGrader({ host: { readFile, modules: { vial }, transform, startLearner } });
 */
export { runChecks, CHECKS_PATH } from "./run-checks";
export type { RunChecksOptions } from "./run-checks";
export { loadApp } from "./load-app";
export { createModuleLoader } from "./module-loader";
export type { RuntimeHost, Transform, ModuleLoader } from "./module-loader";
export { locate, codeFrame, where, LearnerCodeError } from "./locate";
export type { SourceLocation } from "./locate";
export { PAYLOAD_DIR, safeLearnerPath } from "./paths";
export { createMarker, readMarker, MARKER_PREFIX } from "../protocol";
export type { MarkerKind } from "../protocol";
export { runGrader } from "../grader-side/run-grader";
export type { GraderSideHost, RunGraderOptions } from "../grader-side/run-grader";
export { loadRemoteApp } from "../grader-side/remote-app";
export { LearnerLink } from "../grader-side/learner-link";
export type { LearnerPort } from "../grader-side/learner-link";
export { loopbackPort } from "../grader-side/loopback";
export { createLearnerSide } from "../learner-side/learner";
export type { LearnerSideOptions } from "../learner-side/learner";
export { parseLearnerMessage } from "../realm/validate";
// `vial/db` for learner realms in a Worker (the node engine's comes with vial-node.mjs): small,
// and it imports no database client.
export * as vialDb from "../../../framework/src/db/index";
export { encodeLine, decodeLine, createLineReader } from "../realm/wire";
export type { GraderMessage, LearnerMessage, RemoteValue, WireRequest, WireResponse } from "../realm/messages";
