/**
 * Registers the sandbox contract scenarios (contract-cases.ts) as a vitest suite for one engine.
 * Browser engines drive the same scenarios from Playwright instead.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Sandbox } from "../../sandbox/sandbox";
import { contractScenarios } from "./contract-cases";
import type { ContractTools } from "./contract-cases";

const nodeFetch: ContractTools = {
  async fetch(url) {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  },
};

/**
 * Runs every contract scenario against one sandbox made by `makeSandbox` (one sandbox for the
 * whole suite, so each scenario also proves the sandbox survived the ones before).
 *
 * @example
 * sandboxContract("node engine", () => new NodeSandbox({ timeoutMs: 4000 }));
 */
export function sandboxContract(engine: string, makeSandbox: () => Sandbox, tools: ContractTools = nodeFetch): void {
  describe(`sandbox contract: ${engine}`, () => {
    let sandbox: Sandbox;
    beforeAll(() => {
      sandbox = makeSandbox();
    });
    afterAll(async () => {
      await sandbox.dispose();
    });
    for (const scenario of contractScenarios) {
      it(scenario.name, () => scenario.run(sandbox, tools), scenario.slow ? 60_000 : 30_000);
    }
  });
}
