import { describe, expect, it } from "vitest";
import { PrecacheJob } from "../../../site/service-worker/precache-job";

/** A fill the test finishes by hand, counting how often it was started. */
function manualFill() {
  const calls: ((ready: boolean) => void)[] = [];
  const failures: ((error: Error) => void)[] = [];
  const fill = () =>
    new Promise<boolean>((resolve, reject) => {
      calls.push(resolve);
      failures.push(reject);
    });
  return { fill, calls, failures };
}

describe("the precache job", () => {
  it("runs once however many pages ask while it is under way, and answers them all", async () => {
    const { fill, calls } = manualFill();
    const job = new PrecacheJob(fill);
    const asks = [job.complete(), job.complete(), job.complete()];
    expect(calls).toHaveLength(1);
    calls[0]!(true);
    expect(await Promise.all(asks)).toEqual([true, true, true]);
    // Done: later asks get the answer without caching the course again.
    expect(await job.complete()).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("tries again on the next ask after a run that missed something or threw, and never says ready for it", async () => {
    const { fill, calls, failures } = manualFill();
    const job = new PrecacheJob(fill);
    const first = job.complete();
    calls[0]!(false);
    expect(await first).toBe(false);
    const second = job.complete();
    expect(calls).toHaveLength(2);
    failures[1]!(new Error("quota exceeded"));
    expect(await second).toBe(false);
    const third = job.complete();
    expect(calls).toHaveLength(3);
    calls[2]!(true);
    expect(await third).toBe(true);
  });
});
