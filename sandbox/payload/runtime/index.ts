/**
 * The payload's runtime (bundled to `.vial/runtime.mjs`): the same bytes run the learner's code
 * and the checks in every engine. The host (node process, Worker) supplies file reading, the
 * bundled modules and the TypeScript transform.
 *
 * @example
 * const { runChecks } = await import("./runtime.mjs");
 * const report = await runChecks({ host: { readFile, modules: { vial, zod }, transform } });
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
