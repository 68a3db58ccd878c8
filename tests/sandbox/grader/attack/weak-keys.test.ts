import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { PUBLISHED_KEYS, probeWeakKeys } from "../../../../sandbox/grader/attack/secrets";
import { random } from "./apps";

/** Builds an app from VIAL_* variables; `checks` says which keys it vets before starting. */
function starter(checks: "all" | "secret-key-only" | "refuse-everything") {
  return (env: Record<string, string>) => {
    if (checks === "refuse-everything") throw new Error("no");
    const app = new Vial();
    app.config.fromEnv("VIAL", env);
    const fallbacks = (app.config.SECRET_KEY_FALLBACKS ?? []) as unknown[];
    const keys = checks === "all" ? [app.config.SECRET_KEY, ...fallbacks] : [app.config.SECRET_KEY];
    for (const key of keys) {
      if (typeof key !== "string" || key.length < 32 || PUBLISHED_KEYS.includes(key)) throw new Error("VIAL_SECRET_KEY and VIAL_SECRET_KEY_FALLBACKS must be long random strings");
    }
    return app;
  };
}

describe("the weak-key probe", () => {
  it("passes an app that vets its key and every fallback", async () => {
    expect(await probeWeakKeys(random(), { start: starter("all") })).toEqual([]);
  });

  it("catches short and published keys accepted as fallbacks", async () => {
    const messages = (await probeWeakKeys(random(), { start: starter("secret-key-only") })).map((found) => found.message);
    // Each of the three short keys and every published key is accepted in a fallback.
    expect(messages).toHaveLength(3 + PUBLISHED_KEYS.length);
    expect(messages[0]).toMatch(/^the app started with a weak key \(1 characters, shorter than 32\): VIAL_SECRET_KEY=".{40}" VIAL_SECRET_KEY_FALLBACKS="\[\\".\\"\]"/);
    expect(messages.at(-1)).toContain('(published)');
  });

  it("catches an app that only vets the key's presence", async () => {
    const lax = (env: Record<string, string>) => {
      if (!env.VIAL_SECRET_KEY) throw new Error("set VIAL_SECRET_KEY");
      return new Vial();
    };
    const messages = (await probeWeakKeys(random(), { start: lax, minLength: 16 })).map((found) => found.message);
    expect(messages[0]).toMatch(/^the app started with a weak key \(1 characters, shorter than 16\): VIAL_SECRET_KEY="."\. Refuse keys/);
  });

  it("reports an app that refuses even strong keys, rather than passing it", async () => {
    const messages = (await probeWeakKeys(random(), { start: starter("refuse-everything") })).map((found) => found.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^the app refused to start with strong keys \(VIAL_SECRET_KEY=".{40}"\): no;/);
  });
});
