/** What hashing does where there is no scrypt (a browser Worker): PBKDF2 on Web Crypto. */
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("../../../framework/src/node/password-scrypt", () => ({ loadNodeScrypt: async () => undefined }));

const { hashPassword, verifyPassword } = await import("../../../framework/src/security");

describe("passwords without scrypt", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("hashPassword falls back to Werkzeug 3's pbkdf2:sha256:1000000", async () => {
    const hash = await hashPassword("pässwörd");
    expect(hash).toMatch(/^pbkdf2:sha256:1000000\$[A-Za-z0-9]{16}\$[0-9a-f]{64}$/);
    expect(await verifyPassword(hash, "pässwörd")).toBe(true);
  });

  it("still verifies PBKDF2 hashes", async () => {
    const hash = "pbkdf2:sha256:1$salt$120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b";
    expect(await verifyPassword(hash, "password")).toBe(true);
  });

  it("says clearly that a scrypt hash cannot be checked here, instead of answering false", async () => {
    const hash = `scrypt:32768:8:1$salt$${"0".repeat(128)}`;
    await expect(verifyPassword(hash, "pw")).rejects.toThrow(/no scrypt/);
    expect(await verifyPassword(`scrypt:32768:8$salt$${"0".repeat(128)}`, "pw")).toBe(false);
  });
});

describe("loadNodeScrypt outside Node", () => {
  it("returns undefined without touching node:crypto when there is no Node process", async () => {
    const actual = await vi.importActual<typeof import("../../../framework/src/node/password-scrypt")>(
      "../../../framework/src/node/password-scrypt",
    );
    vi.stubGlobal("process", { versions: {} });
    const pending = actual.loadNodeScrypt(); // the Node check runs synchronously, before the first await
    vi.unstubAllGlobals();
    expect(await pending).toBeUndefined();
  });
});
