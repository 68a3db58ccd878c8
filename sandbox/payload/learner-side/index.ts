/**
 * The learner realm's runtime (bundled to `.vial/learner-runtime.mjs`): the module loader that
 * runs the learner's files, and the side of the protocol that answers the grader. It holds
 * nothing the grade depends on.
 *
 * @example
 * const { createLearnerSide } = await import("./learner-runtime.mjs");
 * const learner = createLearnerSide({ host: { readFile, transform }, modules: () => ({ vial }), send });
 */
export { createLearnerSide, toRequest } from "./learner";
export type { LearnerSideOptions } from "./learner";
