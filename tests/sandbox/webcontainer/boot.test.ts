import { afterEach, describe, expect, it, vi } from "vitest";
import { bootWebContainer, resetWebContainerBoot, WebContainerBootTimeout } from "../../../sandbox/engines/webcontainer/boot";
import type { WebContainerLike } from "../../../sandbox/engines/webcontainer/types";

const container = {} as WebContainerLike;

describe("bootWebContainer", () => {
  afterEach(() => {
    resetWebContainerBoot();
    vi.useRealTimers();
  });

  it("boots once per page: later calls share the first boot", async () => {
    const boot = vi.fn(async () => container);
    expect(await bootWebContainer({ boot })).toBe(container);
    expect(await bootWebContainer({ boot })).toBe(container);
    expect(boot).toHaveBeenCalledTimes(1);
  });

  it("gives up on a boot that hangs with an error naming StackBlitz and what to do", async () => {
    vi.useFakeTimers();
    const booting = bootWebContainer({ boot: () => new Promise(() => {}), timeoutMs: 5000 });
    const failure = expect(booting).rejects.toThrow(WebContainerBootTimeout);
    await vi.advanceTimersByTimeAsync(5000);
    await failure;
    await expect(booting).rejects.toThrow(/StackBlitz did not answer within 5 s.*reload the page/);
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
    const boot = vi.fn().mockRejectedValueOnce(new Error("iframe blocked")).mockResolvedValueOnce(container);
    await expect(bootWebContainer({ boot })).rejects.toThrow("iframe blocked");
    expect(await bootWebContainer({ boot })).toBe(container);
    expect(boot).toHaveBeenCalledTimes(2);
  });
});
