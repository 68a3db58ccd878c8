import { describe, expect, it } from "vitest";
import { vialModules } from "../../../sandbox/payload/vial-modules";

class TestClient {}
class Vial {}
const bundle = { core: { Vial, html: () => "" }, testing: { TestClient, rateLimitStoreContract: () => undefined }, signing: { Signer: class {} }, routing: {}, cookies: {} };

describe("vialModules", () => {
  it("names every subpath a bundle holds, and the root", () => {
    const modules = vialModules(bundle);
    expect(Object.keys(modules).sort()).toEqual(["vial", "vial/cookies", "vial/routing", "vial/signing", "vial/testing"]);
    expect((modules["vial/testing"] as typeof bundle.testing).TestClient).toBe(TestClient);
  });

  it("gives the root's own names unchanged", () => {
    const root = vialModules(bundle).vial as Record<string, unknown>;
    expect(root.Vial).toBe(Vial);
    expect(root.missing).toBeUndefined();
    expect("Vial" in root).toBe(true);
  });

  it("answers a name that moved to a subpath with an error naming the subpath, not a silent undefined", () => {
    const root = vialModules(bundle).vial as Record<string, unknown>;
    expect(() => root.TestClient).toThrow(/"vial" has no export TestClient: it is in "vial\/testing"/);
    expect(() => root.Signer).toThrow(/import \{ Signer \} from "vial\/signing"/);
  });
});
