import { describe, expect, it, vi } from "vitest";
import { runCheckInWorkers } from "../../../sandbox/engines/worker/check-run";
import type { CheckRunOptions } from "../../../sandbox/engines/worker/check-run";
import type { HostMessage, PageMessage } from "../../../sandbox/engines/worker/protocol";
import { FakeChannel } from "./fake-channel";

const plan: HostMessage = { type: "event", event: { type: "plan", checks: [{ name: "GET / says hello", task: 1 }, { name: "GET /users", task: 2, hint: "Add the route." }] } };
const firstStart = { type: "event", event: { type: "check-start", name: "GET / says hello" } } as const;
const firstDone = { type: "event", event: { type: "check-end", result: { name: "GET / says hello", task: 1, status: "pass" } } } as const;
const passing = { type: "report", report: { status: "pass", durationMs: 3, checks: [{ name: "a", status: "pass" }] } } as const;

function options(overrides: Partial<CheckRunOptions> = {}): CheckRunOptions {
  return { files: { "app.ts": "x" }, checks: "checks", timeoutMs: 200, checkTimeoutMs: 100, outputLimitBytes: 1000, onOutput: () => {}, ...overrides };
}

/** A grader scripted by `script`, and learner workers (each scripted by `learnerScript`) made as the run asks. */
function workers(script: (message: PageMessage, grader: FakeChannel) => void, learnerScript: (message: PageMessage, learner: FakeChannel) => void = () => {}) {
  const grader = new FakeChannel(script);
  const learners: FakeChannel[] = [];
  const learner = vi.fn(() => {
    const made = new FakeChannel(learnerScript);
    learners.push(made);
    return made;
  });
  return { grader, learners, learner };
}

/** Asks the page for learner realm `id` with a real channel end, as the grader worker does. */
function startLearner(grader: FakeChannel, id: number): MessagePort {
  const channel = new MessageChannel();
  grader.emit({ type: "learner-start", learner: id, port: channel.port2 });
  return channel.port1;
}

describe("runCheckInWorkers", () => {
  it("gives the grader the checks and limits, and returns the grader's report", async () => {
    const run = workers((_message, grader) => grader.emit(passing));
    const report = await runCheckInWorkers(run, options({ timeoutMs: 10_000 }));
    expect(report).toEqual(passing.report);
    expect(run.grader.posted).toEqual([{ type: "check", checks: "checks", entry: undefined, checkTimeoutMs: 100, budgetMs: 8500 }]);
  });

  it("attaches a learner worker to the channel end the grader hands over, with the learner's files only", async () => {
    let port: MessagePort | undefined;
    const run = workers((message, grader) => {
      if (message.type !== "check") return;
      port = startLearner(grader, 1);
      queueMicrotask(() => grader.emit(passing));
    });
    await runCheckInWorkers(run, options({ files: { "app.ts": "learner code" } }));
    expect(run.learner).toHaveBeenCalledTimes(1);
    const attach = run.learners[0]!.posted[0];
    expect(attach).toMatchObject({ type: "attach", files: { "app.ts": "learner code" } });
    expect(attach?.type === "attach" && attach.port).toBeInstanceOf(MessagePort);
    expect(run.learners[0]!.terminated).toBe(true);
    port?.close();
  });

  it("passes learner output on, and never reads a report, an event or a realm request from a learner", async () => {
    const onOutput = vi.fn();
    const run = workers(
      (message, grader) => {
        if (message.type !== "check") return;
        startLearner(grader, 1);
        setTimeout(() => grader.emit({ type: "report", report: { status: "fail", durationMs: 1, checks: [{ name: "a", status: "fail" }] } }), 20);
      },
      (message, learner) => {
        if (message.type !== "attach") return;
        learner.emit(
          { type: "output", text: "hello from the learner\n" },
          passing,
          { type: "event", event: { type: "check-end", result: { name: "a", status: "pass" } } },
          { type: "learner-start", learner: 9, port: new MessageChannel().port2 },
        );
      },
    );
    const report = await runCheckInWorkers(run, options({ onOutput }));
    expect(report.status).toBe("fail");
    expect(onOutput).toHaveBeenCalledWith("hello from the learner\n");
    expect(run.learner).toHaveBeenCalledTimes(1);
  });

  it("tells the grader when a learner worker crashes, and ends it when the grader asks", async () => {
    const run = workers((message, grader) => {
      if (message.type === "check") {
        startLearner(grader, 1);
        startLearner(grader, 2);
        queueMicrotask(() => {
          run.learners[0]!.crash("Out of memory");
          grader.emit({ type: "learner-kill", learner: 2 });
          queueMicrotask(() => grader.emit(passing));
        });
      }
    });
    await runCheckInWorkers(run, options());
    expect(run.grader.posted).toContainEqual({ type: "learner-gone", learner: 1, reason: "stopped: Out of memory" });
    expect(run.learners[1]!.terminated).toBe(true);
  });

  it("tells the grader when a learner worker cannot load its bundles", async () => {
    const grader = new FakeChannel((message, channel) => {
      if (message.type !== "check") return;
      startLearner(channel, 1);
      setTimeout(() => channel.emit(passing), 10);
    });
    await runCheckInWorkers({ grader, learner: () => new FakeChannel(undefined, "fails") }, options());
    expect(grader.posted).toContainEqual({ type: "learner-gone", learner: 1, reason: "could not start: could not load" });
  });

  it("turns a report that does not match the schema into an error", async () => {
    const run = workers((_message, grader) => grader.emit({ type: "report", report: { status: "great" } }));
    const report = await runCheckInWorkers(run, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/did not match the expected shape/);
  });

  it("stops a run that never reports, naming the check that was running and skipping the rest", async () => {
    const run = workers((_message, grader) => grader.emit(plan, firstStart, firstDone, { type: "event", event: { type: "check-start", name: "GET /users" } }));
    const report = await runCheckInWorkers(run, options({ timeoutMs: 50 }));
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/The check "GET \/users" did not finish within 0.1 s/);
    expect(report.checks.map((check) => check.status)).toEqual(["pass", "error"]);
    expect(report.checks[1]).toMatchObject({ hint: "Add the route." });
  });

  it("says the code did not finish loading when it never got to the checks", async () => {
    const report = await runCheckInWorkers(workers(() => {}), options({ timeoutMs: 30 }));
    expect(report.message).toMatch(/did not finish loading/);
  });

  it("ends the run when a learner passes the output limit", async () => {
    const run = workers(
      (message, grader) => message.type === "check" && startLearner(grader, 1),
      (message, learner) => message.type === "attach" && learner.emit({ type: "output", text: "x".repeat(1000) }, { type: "output-exceeded" }),
    );
    const report = await runCheckInWorkers(run, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/printed more than 1 KB of output/);
    expect(run.learners[0]!.terminated).toBe(true);
  });

  it("counts learner output itself, so a learner that posts past its own limit still ends the run", async () => {
    const onOutput = vi.fn();
    const run = workers(
      (message, grader) => message.type === "check" && startLearner(grader, 1),
      (message, learner) => message.type === "attach" && learner.emit({ type: "output", text: "x".repeat(600) }, { type: "output", text: "y".repeat(600) }),
    );
    const report = await runCheckInWorkers(run, options({ onOutput }));
    expect(report.message).toMatch(/printed more than 1 KB of output/);
    expect(onOutput).toHaveBeenCalledTimes(1);
  });

  it("reports a grader worker that died on its own", async () => {
    const run = workers((_message, grader) => {
      grader.emit({ type: "output", text: "allocating\n" });
      grader.crash("out of memory");
    });
    const report = await runCheckInWorkers(run, options());
    expect(report.status).toBe("error");
    expect(report.message).toMatch(/stopped before the checks finished: out of memory[\s\S]*allocating/);
  });

  it("ends at once when the grader is terminated with a reason (the sandbox was disposed)", async () => {
    const run = workers(() => run.grader.terminate("the sandbox was disposed"));
    const report = await runCheckInWorkers(run, options({ timeoutMs: 60_000 }));
    expect(report.message).toMatch(/the sandbox was disposed/);
  });

  it("reports a grader that could not load the payload, without running anything", async () => {
    const grader = new FakeChannel(undefined, "fails");
    const report = await runCheckInWorkers({ grader, learner: () => new FakeChannel() }, options());
    expect(report.message).toMatch(/The sandbox could not start: could not load/);
    expect(grader.posted).toEqual([]);
  });

  it("goes by the grader's report, whatever was posted outside the private ports", async () => {
    const run = workers((_message, grader) => {
      grader.untrustedMessages = 3;
      grader.emit({ type: "report", report: { status: "fail", durationMs: 1, checks: [{ name: "a", status: "fail" }] } });
    });
    expect((await runCheckInWorkers(run, options())).status).toBe("fail");
  });
});
