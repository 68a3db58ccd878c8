/**
 * The worker engine's runner page (/sandbox/runner.html), which the Service Worker answers from
 * code with the policy its Workers inherit: see sandbox/engines/worker/runner-page.ts.
 */
export { RUNNER_PATH, runnerResponse } from "../../sandbox/engines/worker/runner-page";
