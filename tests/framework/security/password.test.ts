import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadNodeScrypt } from "../../../framework/src/node/password-scrypt";
import { hashPassword, verifyPassword } from "../../../framework/src/security";

const PASSWORD = "pässwörd 🍵";
const SALT = "AbCdEfGh12345678";

/** Hashes written by Python: Werkzeug 2.2's pbkdf2 and hashlib.scrypt with Werkzeug 3's formula. */
const KNOWN_HASHES = {
  scryptDefault: `scrypt:32768:8:1$${SALT}$409ac3eda441b2492647578032db77609e3da1cf2a14e4b714c46df9142398ebeb9ad5ef184cf6d7ae6d32c59a889a5bee1ded35fa31e149a07084f7fe25ff8d`,
  scryptCustom: `scrypt:16384:8:2$${SALT}$a1a39dd360b1e695b29b625bdc76737e3de2289c06df85fe2876fda6a2b49ed2f18e79e76ae93625f20fea6b94df53d479c3bd918392eddfcc96ca920d5192a5`,
  werkzeug2Default: `pbkdf2:sha256:260000$${SALT}$e1215abd2261a6cc5c50b0e570f53c34741693e60f20e0023fb123decd9ee240`,
  pbkdf2Sha256: `pbkdf2:sha256:1000$${SALT}$3504f5b946547d7584d588a5c6ec66e6bebe6fd9f5345d619f193303598a4dcd`,
  pbkdf2Sha512: `pbkdf2:sha512:1000$${SALT}$ce9d0ecad880e4ac7e19ac0945d959b3ba9010e14778ceeea2e30309317e63af0a6d3733c49cbe6194ad442d95e5fff9819d3d4b2d74fc4d07af327740c9a73c`,
  pbkdf2Sha1: `pbkdf2:sha1:1000$${SALT}$80f9d2feb924b09b5c2ab863f01461300f1037a2`,
};

describe("verifyPassword with hashes written by Werkzeug", () => {
  it.each(Object.entries(KNOWN_HASHES))("accepts %s with the right password only", async (_name, hash) => {
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, "pässwörd 🍵 ")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("reads `scrypt` without parameters as Werkzeug 3's defaults", async () => {
    const bare = KNOWN_HASHES.scryptDefault.replace("scrypt:32768:8:1$", "scrypt$");
    expect(await verifyPassword(bare, PASSWORD)).toBe(true);
  });

  it("checks the empty password and empty scrypt salt correctly", async () => {
    const emptyPassword = `pbkdf2:sha256:1000$${SALT}$eedfd6f50a90b089f79ea03a760b546a667c32917f56e7a496c2b0bd93937a5c`;
    expect(await verifyPassword(emptyPassword, "")).toBe(true);
    const scryptEmpty =
      "scrypt:1024:1:1$s$c6d08070e225f68ca5e8be19e6eda92f0e98176090ae118a8a86f59609072de121c8fb6712309a3f890b19dbe5c7f9cecea5399a71938972fc729e97eb72dc51";
    expect(await verifyPassword(scryptEmpty, "")).toBe(true);
  });

  it("matches the RFC 7914-style PBKDF2-HMAC-SHA256 vector", async () => {
    const rfc = "pbkdf2:sha256:1$salt$120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b";
    expect(await verifyPassword(rfc, "password")).toBe(true);
  });
});

describe("verifyPassword with malformed input", () => {
  const hex64 = "0".repeat(64);
  it.each([
    "",
    "$",
    "$$",
    "no-dollars",
    "pbkdf2:sha256:1000$onlyone",
    "plain$$pässwörd 🍵",
    `md5$${SALT}$${"0".repeat(32)}`,
    `sha256$${SALT}$${hex64}`,
    `pbkdf2:sha256:0$${SALT}$${hex64}`,
    `pbkdf2:sha256:-5$${SALT}$${hex64}`,
    `pbkdf2:sha256:1e3$${SALT}$${hex64}`,
    `pbkdf2:sha256:99999999999$${SALT}$${hex64}`,
    `pbkdf2:md5:1000$${SALT}$${"0".repeat(32)}`,
    `pbkdf2:sha256:1000:9$${SALT}$${hex64}`,
    `pbkdf2:sha256:1000$$${hex64}`,
    `pbkdf2:sha256:1000$${SALT}$${hex64.slice(1)}`,
    `scrypt:32768:8$${SALT}$${"0".repeat(128)}`,
    `scrypt:1000:8:1$${SALT}$${"0".repeat(128)}`,
    `scrypt:1:8:1$${SALT}$${"0".repeat(128)}`,
    `scrypt:1048576:64:64$${SALT}$${"0".repeat(128)}`,
    `scrypt:32768:0:1$${SALT}$${"0".repeat(128)}`,
    `scrypt:32768:8:1$${SALT}$${"0".repeat(127)}`,
  ])("returns false for %j", async (hash) => {
    expect(await verifyPassword(hash, PASSWORD)).toBe(false);
  });

  it("compares hex exactly, as Werkzeug does (upper-case digests do not match)", async () => {
    const [method, salt, hex] = KNOWN_HASHES.pbkdf2Sha256.split("$");
    expect(await verifyPassword(`${method}$${salt}$${hex!.toUpperCase()}`, PASSWORD)).toBe(false);
  });

  it("returns false for arguments that are not strings", async () => {
    expect(await verifyPassword(undefined as unknown as string, PASSWORD)).toBe(false);
    expect(await verifyPassword(KNOWN_HASHES.pbkdf2Sha256, null as unknown as string)).toBe(false);
    expect(await verifyPassword({} as unknown as string, "x")).toBe(false);
  });
});

describe("hashPassword", () => {
  it("defaults to scrypt in Werkzeug 3's exact format", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt:32768:8:1\$[A-Za-z0-9]{16}\$[0-9a-f]{128}$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect(await verifyPassword(hash, "wrong")).toBe(false);
  });

  it("computes the same digest as node:crypto scrypt with Werkzeug's parameters", async () => {
    const hash = await hashPassword(PASSWORD, { method: "scrypt:1024:8:1" });
    const [, salt, hex] = hash.split("$");
    const expected = scryptSync(PASSWORD, salt!, 64, { N: 1024, r: 8, p: 1 }).toString("hex");
    expect(hex).toBe(expected);
  });

  it("writes pbkdf2:sha256:1000000 for method pbkdf2 (Werkzeug 3.1's default)", async () => {
    const hash = await hashPassword(PASSWORD, { method: "pbkdf2" });
    expect(hash).toMatch(/^pbkdf2:sha256:1000000\$[A-Za-z0-9]{16}\$[0-9a-f]{64}$/);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
  });

  it("honours explicit methods and salt length", async () => {
    const sha512 = await hashPassword("pw", { method: "pbkdf2:sha512:2000", saltLength: 8 });
    expect(sha512).toMatch(/^pbkdf2:sha512:2000\$[A-Za-z0-9]{8}\$[0-9a-f]{128}$/);
    expect(await verifyPassword(sha512, "pw")).toBe(true);
    const scrypt = await hashPassword("pw", { method: "scrypt:2048:4:2" });
    expect(scrypt).toMatch(/^scrypt:2048:4:2\$/);
    expect(await verifyPassword(scrypt, "pw")).toBe(true);
  });

  it("salts every hash differently, from letters and digits only", async () => {
    const salts = await Promise.all(
      Array.from({ length: 20 }, async () => (await hashPassword("pw", { method: "pbkdf2:sha256:1", saltLength: 64 })).split("$")[1]!),
    );
    expect(new Set(salts).size).toBe(20);
    const characters = new Set(salts.join(""));
    for (const char of characters) expect(char).toMatch(/[A-Za-z0-9]/);
    expect(characters.size).toBeGreaterThan(50);
  });

  it("throws for an unknown method or a bad salt length", async () => {
    await expect(hashPassword("pw", { method: "md5" as "scrypt" })).rejects.toThrow(/Invalid password hash method/);
    await expect(hashPassword("pw", { method: "pbkdf2:sha256:0" as "pbkdf2" })).rejects.toThrow(TypeError);
    await expect(hashPassword("pw", { method: "scrypt:1000:8:1" as "scrypt" })).rejects.toThrow(TypeError);
    await expect(hashPassword("pw", { saltLength: 0 })).rejects.toThrow(RangeError);
    await expect(hashPassword(42 as unknown as string)).rejects.toThrow(TypeError);
  });
});

describe("loadNodeScrypt", () => {
  it("finds Node's scrypt in Node", async () => {
    const scrypt = await loadNodeScrypt();
    expect(scrypt).toBeTypeOf("function");
    const key = await scrypt!(new TextEncoder().encode("pw"), new TextEncoder().encode("salt"), { N: 16, r: 1, p: 1, keyLength: 16 });
    expect(Buffer.from(key).toString("hex")).toBe(scryptSync("pw", "salt", 16, { N: 16, r: 1, p: 1 }).toString("hex"));
  });
});
