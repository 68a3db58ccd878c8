import { afterEach, describe, expect, it, vi } from "vitest";
import { pickEngine } from "../../sandbox/engines/pick";
import { WebContainerBootTimeout, WebContainerUnavailable } from "../../sandbox/engines/webcontainer/boot";

const container = { name: "a booted container" };

function fakeBoot(outcome: "boots" | "fails" | "hangs" | "times out") {
  return vi.fn(() => {
    if (outcome === "boots") return Promise.resolve(container);
    if (outcome === "fails") return Promise.reject(new Error("Only a single WebContainer instance can be booted."));
    if (outcome === "times out") return Promise.reject(new WebContainerBootTimeout("StackBlitz did not answer within 20 s, so …"));
    return new Promise<typeof container>(() => {});
  });
}

describe("pickEngine", () => {
  afterEach(() => vi.useRealTimers());

  it("picks WebContainers where the page is isolated and the boot succeeds", async () => {
    const boot = fakeBoot("boots");
    const choice = await pickEngine({ crossOriginIsolated: true, bootWebContainer: boot });
    expect(choice).toEqual({ kind: "webcontainer", webcontainer: container, reason: "Using WebContainers: this page is cross-origin isolated and StackBlitz answered." });
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("picks the worker without booting when the page is not cross-origin isolated", async () => {
    const boot = fakeBoot("boots");
    const choice = await pickEngine({ crossOriginIsolated: false, bootWebContainer: boot });
    expect(choice.kind).toBe("worker");
    expect(choice.reason).toMatch(/WebContainers need cross-origin isolation/);
    expect(boot).not.toHaveBeenCalled();
  });

  it("picks the worker when StackBlitz does not answer in time", async () => {
    vi.useFakeTimers();
    const picking = pickEngine({ crossOriginIsolated: true, bootWebContainer: fakeBoot("hangs"), timeoutMs: 20_000 });
    await vi.advanceTimersByTimeAsync(19_999);
    let settled = false;
    void picking.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await picking).toEqual({ kind: "worker", reason: "Using the worker engine: StackBlitz did not answer within 20 s." });
  });

  it("says the same when the boot itself gave up with a WebContainerBootTimeout", async () => {
    const choice = await pickEngine({ crossOriginIsolated: true, bootWebContainer: fakeBoot("times out"), timeoutMs: 7500 });
    expect(choice.reason).toBe("Using the worker engine: StackBlitz did not answer within 7.5 s.");
  });

  it("picks the worker, with the error, when the boot fails", async () => {
    const choice = await pickEngine({ crossOriginIsolated: true, bootWebContainer: fakeBoot("fails") });
    expect(choice).toEqual({ kind: "worker", reason: "Using the worker engine: WebContainers could not start (Only a single WebContainer instance can be booted)." });
  });

  it("treats a boot function that throws synchronously like a failed boot", async () => {
    const choice = await pickEngine({ crossOriginIsolated: true, bootWebContainer: () => { throw new Error("no iframe"); } });
    expect(choice.kind).toBe("worker");
    expect(choice.reason).toContain("no iframe");
  });

  it("follows the learner's choice of worker without booting", async () => {
    const boot = fakeBoot("boots");
    expect(await pickEngine({ crossOriginIsolated: true, bootWebContainer: boot, preferred: "worker" })).toEqual({ kind: "worker", reason: "Using the worker engine: you chose worker." });
    expect(boot).not.toHaveBeenCalled();
  });

  it("follows the learner's choice of WebContainers when it can, and says why not when it cannot", async () => {
    const chosen = await pickEngine({ crossOriginIsolated: true, bootWebContainer: fakeBoot("boots"), preferred: "webcontainer" });
    expect(chosen).toMatchObject({ kind: "webcontainer", reason: "Using WebContainers: you chose WebContainers." });
    const refused = await pickEngine({ crossOriginIsolated: false, bootWebContainer: fakeBoot("boots"), preferred: "webcontainer" });
    expect(refused).toEqual({ kind: "worker", reason: "Using the worker engine: you chose WebContainers, but they need cross-origin isolation, which this page does not have." });
  });

  it("passes on the boot's own sentence when the browser cannot or may not boot yet", async () => {
    const sentence = "On iPhone and iPad, WebContainers start only when you ask, as they can crash the tab: choose “Switch to WebContainer” to start them.";
    const choice = await pickEngine({ crossOriginIsolated: true, bootWebContainer: () => Promise.reject(new WebContainerUnavailable(sentence)) });
    expect(choice).toEqual({ kind: "worker", reason: `Using the worker engine: ${sentence}` });
  });
});
