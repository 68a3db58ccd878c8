import { describe, expect, it } from "vitest";
import { Vial, rateLimit } from "vial";
import { createClock } from "../../../sandbox/grader/clock";
import { createGrader } from "../../../sandbox/grader/grader";
import { createHttp } from "../../../sandbox/grader/http";

describe("the grader's fake clock", () => {
  it("moves Date.now for a rate limit created while it is installed, and is removed after", async () => {
    const clock = createClock();
    const realNow = Date.now;
    clock.install();
    try {
      const app = new Vial();
      app.use(rateLimit({ window: 60, max: 1 }));
      app.get("/", () => "ok");
      const client = createHttp(() => {})(app);
      expect((await client.get("/")).status).toBe(200);
      expect((await client.get("/")).status).toBe(429);
      clock.api.advance(61);
      expect(clock.api.advancedSeconds).toBe(61);
      expect((await client.get("/")).status).toBe(200);
      expect(() => clock.api.advance(-1)).toThrow(RangeError);
    } finally {
      clock.uninstall();
    }
    expect(Date.now).toBe(realNow);
  });

  it("never eats the grader's own time budget when a check advances it", async () => {
    const grader = createGrader();
    grader.clock.install();
    try {
      grader.api.check("an hour passes", () => grader.api.clock.advance(3600));
      grader.api.check("still has time", () => new Promise((resolve) => setTimeout(resolve, 20)));
      const outcome = await grader.run({ checkTimeoutMs: 1000, budgetMs: 5000 });
      expect(outcome.checks.map((check) => check.status)).toEqual(["pass", "pass"]);
    } finally {
      grader.clock.uninstall();
    }
  });
});
