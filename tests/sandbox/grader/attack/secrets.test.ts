import { describe, expect, it } from "vitest";
import { Vial } from "vial";
import { sessionSerializer } from "vial/signing";
import { probePublishedKeys } from "../../../../sandbox/grader/attack/secrets";
import { http } from "./apps";

function appWith(config: { SECRET_KEY: string; SECRET_KEY_FALLBACKS?: string[] }) {
  const app = new Vial({ config });
  app.get("/me", (req) => (req.session.get("member_id") ? { member: req.session.get("member_id") } : [{ error: "not logged in" }, 401]));
  return app;
}

const options = {
  forge: (key: string) => sessionSerializer(key).dumps({ member_id: 1 }),
  whoami: (client: ReturnType<typeof http>, headers: Record<string, string>) => client.get("/me", { headers }),
};

describe("the published-key probe", () => {
  it("passes an app whose keys are its own", async () => {
    expect(await probePublishedKeys(http, appWith({ SECRET_KEY: "k2gF8-a-long-random-key", SECRET_KEY_FALLBACKS: ["older-random-key-Zx81"] }), options)).toEqual([]);
  });

  it("catches a published key kept as a fallback", async () => {
    const findings = await probePublishedKeys(http, appWith({ SECRET_KEY: "k2gF8-a-long-random-key", SECRET_KEY_FALLBACKS: ["changeme"] }), options);
    expect(findings.map((found) => found.message)).toEqual([
      'a session cookie signed with the published key "changeme" was accepted: the app answered 200 {"member":1} instead of 401 as for an anonymous visitor. Anyone can sign with that key; keep it out of SECRET_KEY and SECRET_KEY_FALLBACKS.',
    ]);
  });
});
