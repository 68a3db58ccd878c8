import { describe, expect, it } from "vitest";
import * as vial from "../../../../framework/src/index.ts";
import * as testing from "../../../../framework/src/testing/index.ts";
import { runGrader } from "../../../../sandbox/payload/grader-side/run-grader";
import { createHostedApps } from "../../../../sandbox/grader/hosted-apps";
import { inProcessHost } from "./in-process-learner";

/**
 * checks.ts for a tiny app with two seeded bugs: /secret must refuse a visitor without the
 * password (bug 1 lets everyone in), and /echo must escape (bug 2 does not).
 */
const CHECKS = `import { Vial, html } from "vial";
import { check, learnerTests } from "grader";
import { tests } from "./tests";
function make(bug?: string) {
  const app = new Vial();
  app.get("/secret", (req) => (bug === "open" || req.query.get("pw") === "s3cret" ? "the secret" : ["no", 403]));
  app.get("/echo", (req) => (bug === "raw" ? new Response("<p>" + (req.query.get("q") ?? "") + "</p>") : html\`<p>\${req.query.get("q") ?? ""}</p>\`));
  return app;
}
const suite = learnerTests({ tests, correct: () => make(), bugs: [{ area: "access", make: () => make("open") }, { area: "escaping", make: () => make("raw") }], testTimeoutMs: 1000 });
check("passes", () => suite.expectPassing(), { task: 1 });
check(\`catches \${suite.bugName(0)}\`, () => suite.expectCaught(0), { task: 2 });
check(\`catches \${suite.bugName(1)}\`, () => suite.expectCaught(1), { task: 2 });
`;

const THOROUGH = `export const tests = {
  "a visitor without the password is refused": async (createApp: any) => {
    const res = await createApp().testClient().get("/secret");
    if (res.status !== 403) throw new Error("expected 403, got " + res.status);
  },
  "markup comes back escaped": async (createApp: any) => {
    const text = await (await createApp().testClient().get("/echo?q=%3Cb%3E")).text();
    if (!text.includes("&lt;b&gt;")) throw new Error("not escaped: " + text);
  },
};
`;

async function grade(tests: string, seed?: string) {
  const host = inProcessHost({ "app.ts": "export const app = {};\n", "tests.ts": tests, ".vial/checks.ts": CHECKS }, { vial, "vial/testing": testing });
  return runGrader({ host, checkTimeoutMs: 20_000, ...(seed ? { seed } : {}) });
}

const statuses = (report: Awaited<ReturnType<typeof grade>>) => report.checks.map((check) => `${check.name}: ${check.status}`);

describe("learnerTests: the learner's tests against the correct app and seeded bugs", () => {
  it("passes thorough tests, and names only the bug a status-only test misses", async () => {
    expect(statuses(await grade(THOROUGH))).toEqual(["passes: pass", "catches seeded bug 1 of 2 (access): pass", "catches seeded bug 2 of 2 (escaping): pass"]);
    const statusOnly = await grade(`export const tests = {
      "GET /echo answers 200": async (createApp: any) => { const res = await createApp().testClient().get("/echo?q=x"); if (res.status !== 200) throw new Error("status " + res.status); },
      "GET /secret refuses": async (createApp: any) => { const res = await createApp().testClient().get("/secret"); if (res.status !== 403) throw new Error("status " + res.status); },
    };`);
    expect(statuses(statusOnly)).toEqual(["passes: pass", "catches seeded bug 1 of 2 (access): pass", "catches seeded bug 2 of 2 (escaping): fail"]);
    // The report says which bug was missed, never what it is.
    expect(statusOnly.checks[2]!.message).toBe("Your tests missed seeded bug 2 of 2 (escaping): every test that passes against the correct app also passed against this one. Ask for a hint to learn what the bug is.");
  });

  it("counts nothing from a test that fails against the correct app, and says which test and why", async () => {
    const report = await grade(`export const tests = { "always fails": async () => { throw new Error("nope"); } };`);
    expect(statuses(report)).toEqual(["passes: fail", "catches seeded bug 1 of 2 (access): fail", "catches seeded bug 2 of 2 (escaping): fail"]);
    expect(report.checks[0]!.message).toBe('Against the correct app, every test must pass, every time; 1 did not:\n- "always fails" failed every time: Error: nope');
  });

  it("gives a test nothing but answers to tell the apps apart: one that guesses by the order of its runs does not pass", async () => {
    // Passes its first three runs and fails the rest: right only if the three correct runs came first.
    const counting = `let runs = 0;
export const tests = { "guess": async (createApp: any) => { await createApp().testClient().get("/secret"); if (++runs > 3) throw new Error("guessing"); } };`;
    for (const seed of ["a1", "b2", "c3", "d4", "e5"]) {
      const report = await grade(counting, seed);
      expect(report.status, `seed ${seed}`).toBe("fail");
    }
  });

  it("stops a test that never finishes and grades nothing", async () => {
    const report = await grade(`export const tests = { "hangs": () => new Promise(() => {}) };`);
    expect(report.checks[0]).toMatchObject({ status: "fail", message: expect.stringContaining('Your test "hangs" did not finish within 1 s') });
  });

  it("refuses a tests export that is not an object of functions, with what to write", async () => {
    const report = await grade(`export const tests = { a: 1 };`);
    expect(report.checks[0]!.message).toBe('Every entry of `tests` must be a test function; "a" is not.');
  });
});

describe("createHostedApps", () => {
  const request = { method: "GET", url: "http://localhost/", headers: [] as [string, string][] };
  const app = { fetch: () => new Response("hi") };

  it("answers only while a test runs, with the app of that run, fresh per app number and run", async () => {
    const hosted = createHostedApps();
    const message = (app: number) => ({ type: "app-fetch" as const, fetchId: 1, app, config: { kind: "object" as const, entries: [] }, request });
    expect(await hosted.answer(message(1))).toMatchObject({ type: "app-error", message: expect.stringContaining("only while the test that made them runs") });
    let made = 0;
    await hosted.within(() => (made++, app), async () => {
      expect(await hosted.answer(message(1))).toMatchObject({ type: "app-response", response: { status: 200 } });
      await hosted.answer(message(1));
      await hosted.answer(message(2));
    });
    expect(made).toBe(2);
    expect(await hosted.answer(message(1))).toMatchObject({ type: "app-error" });
  });

  it("gives each app a clock its test moves forward, never back, and the others' clocks alone", async () => {
    const hosted = createHostedApps();
    const clocks = new Map<number, () => number>();
    let made = 0;
    const fetchAt = (app: number, clockMs?: number) =>
      hosted.answer({ type: "app-fetch", fetchId: 1, app, config: { kind: "object", entries: [] }, request, ...(clockMs === undefined ? {} : { clockMs }) });
    await hosted.within(
      (_config, clock) => {
        clocks.set(++made, clock.now);
        return app;
      },
      async () => {
        await fetchAt(1);
        await fetchAt(2);
        const start = Date.now();
        expect(clocks.get(1)!() - start).toBeLessThan(1000);
        await fetchAt(1, 61_000);
        expect(clocks.get(1)!() - start).toBeGreaterThanOrEqual(61_000);
        expect(clocks.get(2)!() - start).toBeLessThan(1000);
        await fetchAt(1, 0);
        expect(clocks.get(1)!() - start, "a message with an earlier clock does not move it back").toBeGreaterThanOrEqual(61_000);
      },
    );
  });

  it("refuses a config that is not an object of settings", async () => {
    const hosted = createHostedApps();
    await hosted.within(() => app, async () => {
      const answer = await hosted.answer({ type: "app-fetch", fetchId: 2, app: 1, config: { kind: "primitive", value: 3 }, request });
      expect(answer).toMatchObject({ type: "app-error", fetchId: 2, message: expect.stringContaining("createApp(config) takes an object") });
    });
  });
});
