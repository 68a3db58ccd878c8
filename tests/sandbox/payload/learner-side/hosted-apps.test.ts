import { describe, expect, it } from "vitest";
import { createHostedAppClient } from "../../../../sandbox/payload/learner-side/hosted-apps";
import type { LearnerMessage } from "../../../../sandbox/payload/realm/messages";

describe("createHostedAppClient: the createApp a learner's test gets", () => {
  it("sends each app's own clock with its requests, moved by advanceClock and only forward", async () => {
    const sent: LearnerMessage[] = [];
    const hosted = createHostedAppClient((message) => sent.push(message), () => undefined);
    const createApp = hosted.factory();
    const first = createApp({ TESTING: true });
    const second = createApp();
    const clockOf = () => (sent.at(-1) as Extract<LearnerMessage, { type: "app-fetch" }>).clockMs;

    void first.fetch(new Request("http://localhost/"));
    await Promise.resolve();
    expect(clockOf()).toBeUndefined();
    first.advanceClock(61);
    void first.fetch(new Request("http://localhost/"));
    await Promise.resolve();
    expect(clockOf()).toBe(61_000);
    void second.fetch(new Request("http://localhost/"));
    await Promise.resolve();
    expect(clockOf(), "another app's clock").toBeUndefined();

    for (const bad of [-1, Number.NaN, "61"]) expect(() => first.advanceClock(bad as number), String(bad)).toThrow(/seconds of 0 or more/);
  });
});
