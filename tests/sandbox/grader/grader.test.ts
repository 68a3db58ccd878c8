import { describe, expect, it } from "vitest";
import { createGrader } from "../../../sandbox/grader/grader";

describe("createGrader", () => {
  it("runs checks in order and reports pass, fail and their tasks and hints", async () => {
    const { api, run } = createGrader();
    const order: string[] = [];
    api.check("first", () => { order.push("first"); }, { task: 1 });
    api.check("second", () => { order.push("second"); api.expect(1, "one").toBe(2); }, { task: 2, hint: "Make one equal two." });
    const outcome = await run({ checkTimeoutMs: 1000 });
    expect(order).toEqual(["first", "second"]);
    expect(outcome.status).toBe("fail");
    expect(outcome.checks).toEqual([
      { name: "first", task: 1, status: "pass" },
      { name: "second", task: 2, status: "fail", hint: "Make one equal two.", message: "one: expected 2, got 1." },
    ]);
  });

  it("fails a check whose async expectation was not awaited, instead of passing it", async () => {
    const { api, run } = createGrader();
    api.check("forgot await on resolves", () => {
      void api.expect(Promise.reject(new Error("refused")), "createApp({})").resolves.toBeDefined();
    });
    api.check("forgot await on toThrow", () => {
      void api.expect(async () => "fine", "createApp(env)").toThrow();
    });
    const outcome = await run({ checkTimeoutMs: 1000 });
    expect(outcome.checks[0]).toMatchObject({ status: "fail", message: expect.stringMatching(/createApp\(\{\}\): expected the promise to resolve, but it rejected/) });
    expect(outcome.checks[1]).toMatchObject({ status: "fail", message: "createApp(env): expected an error to be thrown, got it finished without throwing." });
  });

  it("reports a RunError (the learner's realm died) as an error, not a fail", async () => {
    const { RunError } = await import("../../../sandbox/grader/failure");
    const { api, run } = createGrader();
    api.check("realm died", () => { throw new RunError("Your code called process.exit(0)."); });
    expect((await run({ checkTimeoutMs: 1000 })).checks[0]).toEqual({ name: "realm died", status: "error", message: "Your code called process.exit(0)." });
  });

  it("does not show a hint on a passing check", async () => {
    const { api, run } = createGrader();
    api.check("fine", () => {}, { hint: "never shown" });
    expect((await run({ checkTimeoutMs: 1000 })).checks[0]).toEqual({ name: "fine", status: "pass" });
  });

  it("turns a check that never settles into an error and goes on", async () => {
    const { api, run } = createGrader();
    api.check("hangs", () => new Promise(() => {}), { task: 1 });
    api.check("after", () => {}, { task: 2 });
    const outcome = await run({ checkTimeoutMs: 50 });
    expect(outcome.status).toBe("error");
    expect(outcome.checks[0]).toMatchObject({ status: "error", message: expect.stringContaining("did not finish within 0.1 s") });
    expect(outcome.checks[1]?.status).toBe("pass");
  });

  it("describes other thrown errors with the describer it is given", async () => {
    const { api, run } = createGrader();
    api.check("crashes", () => { throw new TypeError("x is not a function"); });
    const outcome = await run({ checkTimeoutMs: 1000, describeError: (e) => `described: ${(e as Error).message}` });
    expect(outcome.checks[0]).toMatchObject({ status: "fail", message: "described: x is not a function" });
  });

  it("skips checks it has no time left to start", async () => {
    const { api, run } = createGrader();
    api.check("slow", () => new Promise((resolve) => setTimeout(resolve, 80)));
    api.check("never started", () => {});
    const outcome = await run({ checkTimeoutMs: 1000, budgetMs: 100 });
    expect(outcome.checks[1]).toMatchObject({ status: "skip", message: expect.stringContaining("ran out of time") });
  });

  it("stops at the first failure when asked, skipping the rest without running them", async () => {
    const { api, run } = createGrader();
    const ran: string[] = [];
    api.check("passes", () => { ran.push("passes"); });
    api.check("fails", () => { ran.push("fails"); api.expect(1, "one").toBe(2); }, { task: 2 });
    api.check("after", () => { ran.push("after"); }, { task: 3 });
    const outcome = await run({ checkTimeoutMs: 1000, stopAtFirstFailure: true });
    expect(ran).toEqual(["passes", "fails"]);
    expect(outcome.status).toBe("fail");
    expect(outcome.checks[2]).toEqual({ name: "after", task: 3, status: "skip", message: expect.stringContaining("an earlier check failed") });
    // Without the option every check runs, as learners' runs do.
    const again = createGrader();
    again.api.check("fails", () => { again.api.expect(1, "one").toBe(2); });
    again.api.check("after", () => {});
    expect((await again.run({ checkTimeoutMs: 1000 })).checks[1]).toMatchObject({ status: "pass" });
  });

  it("conceals a failing check's message, trace and hint when asked, unless the run reveals them", async () => {
    const { CONCEALED_MESSAGE } = await import("../../../sandbox/grader/grader");
    const register = (api: ReturnType<typeof createGrader>["api"]) => {
      const app = { fetch: async () => new Response("<script>alert(1)</script>", { status: 200 }) };
      api.check("Vulnerability 1 of 2 is fixed", async () => {
        const res = await api.http(app).get("/search?q=%3Cscript%3E");
        api.expect(res.text, "GET /search?q=<script>").not.toContain("<script>");
      }, { task: 2, conceal: true, hint: "The search page." });
      api.check("Vulnerability 2 of 2 is fixed", () => {}, { task: 2, conceal: true });
      api.check("plain", () => { api.expect(1, "one").toBe(2); }, { task: 1, hint: "shown" });
    };
    const learner = createGrader();
    register(learner.api);
    const planned: { name: string; hint?: string }[] = [];
    const concealed = await learner.run({ checkTimeoutMs: 1000, events: { plan: (checks) => planned.push(...checks) } });
    expect(planned.map((check) => check.hint), "the hints the plan announces").toEqual([undefined, undefined, "shown"]);
    expect(concealed.checks).toEqual([
      { name: "Vulnerability 1 of 2 is fixed", task: 2, status: "fail", message: CONCEALED_MESSAGE },
      { name: "Vulnerability 2 of 2 is fixed", task: 2, status: "pass" },
      { name: "plain", task: 1, status: "fail", hint: "shown", message: "one: expected 2, got 1." },
    ]);
    const author = createGrader();
    register(author.api);
    const revealed = await author.run({ checkTimeoutMs: 1000, revealConcealed: true });
    expect(revealed.checks[0]).toMatchObject({ status: "fail", hint: "The search page.", message: expect.stringContaining("GET /search?q=<script>"), trace: { request: { path: "/search?q=%3Cscript%3E" } } });
  });

  it("honours check-level skip", async () => {
    const { api, run } = createGrader();
    api.check("later", () => { throw new Error("not run"); }, { skip: "Coming in lesson 3." });
    api.check("now", () => {});
    const outcome = await run({ checkTimeoutMs: 1000 });
    expect(outcome.status).toBe("pass");
    expect(outcome.checks[0]).toEqual({ name: "later", status: "skip", message: "Coming in lesson 3." });
  });

  it("announces the plan and each check, so a killed run can be reconstructed", async () => {
    const { api, run } = createGrader();
    api.check("a", () => {}, { task: 1, hint: "h" });
    const events: string[] = [];
    await run({
      checkTimeoutMs: 1000,
      events: {
        plan: (checks) => events.push(`plan ${JSON.stringify(checks)}`),
        checkStart: (name) => events.push(`start ${name}`),
        checkEnd: (result) => events.push(`end ${result.name} ${result.status}`),
      },
    });
    expect(events).toEqual(['plan [{"name":"a","task":1,"hint":"h"}]', "start a", "end a pass"]);
  });

  it("is an error when checks.ts defines no checks", async () => {
    const outcome = await createGrader().run({ checkTimeoutMs: 1000 });
    expect(outcome).toMatchObject({ status: "error", message: expect.stringContaining("did not define any checks") });
  });

  it("refuses checks registered while running, and an api that can be changed", async () => {
    const { api, run } = createGrader();
    api.check("registers more", () => api.check("late", () => {}));
    const outcome = await run({ checkTimeoutMs: 1000 });
    expect(outcome.checks[0]?.message).toContain("top level of checks.ts");
    expect(Object.isFrozen(api)).toBe(true);
  });
});
