import { afterAll, describe, it } from "vitest";
import { NodeSandbox } from "../../sandbox/engines/node/index";
import { cookieScenarios } from "./cookie-cases";

// The same scenarios run in Chromium against the worker engine (tests/e2e/sandbox); here they
// prove, on the node engine, that the checks themselves are right.
describe("cookie scenarios: node engine", () => {
  const sandbox = new NodeSandbox({ timeoutMs: 8000 });
  afterAll(() => sandbox.dispose());
  const tools = { fetch: async () => ({ status: 0, text: "" }) };
  for (const scenario of cookieScenarios) it(scenario.name, () => scenario.run(sandbox, tools), 30_000);
});
