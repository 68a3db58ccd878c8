import { afterEach, describe, expect, it, vi } from "vitest";
import {
  allowWebContainerBoot, bootWebContainer, resetWebContainerBoot, tearDownWebContainer, WebContainerBootTimeout, WebContainerUnavailable,
} from "../../../sandbox/engines/webcontainer/boot";
import type { BrowserEnvironment } from "../../../sandbox/engines/webcontainer/support";
import type { WebContainerLike } from "../../../sandbox/engines/webcontainer/types";

const container = (): WebContainerLike => ({ teardown: vi.fn() }) as unknown as WebContainerLike;
const CHROME: BrowserEnvironment = { userAgent: "Mozilla/5.0 Chrome/131.0.0.0 Safari/537.36", platform: "Linux x86_64", maxTouchPoints: 0, hasSharedArrayBuffer: true, crossOriginIsolated: true };
const IPHONE: BrowserEnvironment = { ...CHROME, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1", platform: "iPhone", maxTouchPoints: 5 };

describe("bootWebContainer", () => {
  afterEach(() => {
    resetWebContainerBoot();
    vi.useRealTimers();
  });

  it("boots once per page: later calls share the first boot", async () => {
    const booted = container();
    const boot = vi.fn(async () => booted);
    expect(await bootWebContainer({ boot })).toBe(booted);
    expect(await bootWebContainer({ boot })).toBe(booted);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("boots once even when the module is evaluated again (a hot reload in development)", async () => {
    const booted = container();
    const boot = vi.fn(async () => booted);
    const first = await import("../../../sandbox/engines/webcontainer/boot");
    vi.resetModules();
    const reloaded = await import("../../../sandbox/engines/webcontainer/boot");
    expect(reloaded).not.toBe(first);
    expect(await first.bootWebContainer({ boot })).toBe(booted);
    expect(await reloaded.bootWebContainer({ boot })).toBe(booted);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("waits 30 s by default, as StackBlitz's own test kit does, then names StackBlitz and what to do", async () => {
    vi.useFakeTimers();
    const booting = bootWebContainer({ boot: () => new Promise(() => {}) });
    let settled = false;
    booting.catch(() => undefined).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).toBe(false);
    const failure = expect(booting).rejects.toThrow(WebContainerBootTimeout);
    await vi.advanceTimersByTimeAsync(1);
    await failure;
    await expect(booting).rejects.toThrow(/StackBlitz did not answer within 30 s.*reload the page/);
  });

  it("does not boot again after a hang (a hung boot cannot be retried), but waits again", async () => {
    vi.useFakeTimers();
    const boot = vi.fn(() => new Promise<WebContainerLike>(() => {}));
    const first = bootWebContainer({ boot, timeoutMs: 100 }).catch((error: Error) => error.name);
    await vi.advanceTimersByTimeAsync(100);
    const second = bootWebContainer({ boot, timeoutMs: 100 }).catch((error: Error) => error.name);
    await vi.advanceTimersByTimeAsync(100);
    expect([await first, await second]).toEqual(["WebContainerBootTimeout", "WebContainerBootTimeout"]);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("boots again after a boot that failed outright", async () => {
    const booted = container();
    const boot = vi.fn().mockRejectedValueOnce(new Error("iframe blocked")).mockResolvedValueOnce(booted);
    await expect(bootWebContainer({ boot })).rejects.toThrow("iframe blocked");
    expect(await bootWebContainer({ boot })).toBe(booted);
    expect(boot).toHaveBeenCalledTimes(2);
  });

  it("boots a new container after tearing the old one down", async () => {
    const [old, fresh] = [container(), container()];
    const boot = vi.fn().mockResolvedValueOnce(old).mockResolvedValueOnce(fresh);
    expect(await bootWebContainer({ boot })).toBe(old);
    tearDownWebContainer(old);
    expect(old.teardown).toHaveBeenCalledTimes(1);
    expect(await bootWebContainer({ boot })).toBe(fresh);
  });

  it("refuses an unsupported browser without booting, saying why", async () => {
    const boot = vi.fn(async () => container());
    const oldSafari = { ...CHROME, userAgent: "Mozilla/5.0 (Macintosh) Version/15.6 Safari/605.1.15" };
    await expect(bootWebContainer({ boot, environment: oldSafari })).rejects.toThrow(new WebContainerUnavailable("WebContainers need Safari 16.4 or later (this is Safari 15.6)."));
    expect(boot).not.toHaveBeenCalled();
  });

  it("on an iPhone, boots only once the learner asked", async () => {
    const booted = container();
    const boot = vi.fn(async () => booted);
    await expect(bootWebContainer({ boot, environment: IPHONE })).rejects.toThrow(/only when you ask.*Switch to WebContainer/);
    expect(boot).not.toHaveBeenCalled();
    allowWebContainerBoot();
    expect(await bootWebContainer({ boot, environment: IPHONE })).toBe(booted);
  });
});
