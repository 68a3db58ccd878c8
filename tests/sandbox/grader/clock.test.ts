import { describe, expect, it } from "vitest";
import { Vial, rateLimit } from "vial";
import { createClock } from "../../../sandbox/grader/clock";
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
});
