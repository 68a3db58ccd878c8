/**
 * Password hashes in Werkzeug's format, `method$salt$hexdigest`, so a Flask app's user table
 * works unchanged: `scrypt:32768:8:1$salt$...` (Werkzeug 3's default) and
 * `pbkdf2:sha256:<iterations>$salt$...` (Werkzeug 2's default, and Werkzeug 3's other method).
 * PBKDF2 runs on Web Crypto everywhere; scrypt needs Node's `node:crypto`.
 */
import { loadNodeScrypt } from "../node/password-scrypt.ts";

type Pbkdf2Hash = "sha1" | "sha256" | "sha384" | "sha512";

/** A Werkzeug method string; parameters left out take Werkzeug 3's defaults. */
type PasswordMethod = "scrypt" | `scrypt:${number}:${number}:${number}` | "pbkdf2" | `pbkdf2:${Pbkdf2Hash}` | `pbkdf2:${Pbkdf2Hash}:${number}`;

/**
 * Options of {@link hashPassword}.
 *
 * @example
 * ```ts
 * import { hashPassword, type HashPasswordOptions } from "vial";
 *
 * // PBKDF2 runs everywhere (scrypt needs Node) and Werkzeug 3 checks it too.
 * const portable: HashPasswordOptions = { method: "pbkdf2:sha256:600000", saltLength: 16 };
 * const hash = await hashPassword("correct horse", portable);
 * ```
 */
export interface HashPasswordOptions {
  /** Default `"scrypt"` (N=32768, r=8, p=1); where scrypt is unavailable, `"pbkdf2:sha256:1000000"`. */
  method?: PasswordMethod;
  /** Characters of salt, letters and digits. Default 16, as Werkzeug. */
  saltLength?: number;
}

type ParsedMethod = { kind: "scrypt"; N: number; r: number; p: number } | { kind: "pbkdf2"; hash: Pbkdf2Hash; iterations: number };

const SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const DEFAULT_PBKDF2_ITERATIONS = 1_000_000;
const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 1 };
const SCRYPT_KEY_LENGTH = 64;
/** Refuse parameters that would take minutes or gigabytes, so a corrupt hash cannot hang a login. */
const MAX_PBKDF2_ITERATIONS = 20_000_000;
const MAX_SCRYPT_MEMORY = 2 ** 30;
const PBKDF2_HASHES: Readonly<Record<Pbkdf2Hash, { name: string; bytes: number }>> = {
  sha1: { name: "SHA-1", bytes: 20 },
  sha256: { name: "SHA-256", bytes: 32 },
  sha384: { name: "SHA-384", bytes: 48 },
  sha512: { name: "SHA-512", bytes: 64 },
};

const encoder = new TextEncoder();

function parseCount(text: string | undefined): number | undefined {
  return text !== undefined && /^[0-9]{1,10}$/.test(text) ? Number(text) : undefined;
}

function parseMethod(method: string): ParsedMethod | undefined {
  const [kind, ...args] = method.split(":");
  if (kind === "scrypt") {
    if (args.length === 0) return { kind, ...SCRYPT_DEFAULTS };
    if (args.length !== 3) return undefined;
    const [N, r, p] = args.map(parseCount);
    if (N === undefined || r === undefined || p === undefined) return undefined;
    if (r < 1 || p < 1 || 128 * N * r * p > MAX_SCRYPT_MEMORY) return undefined;
    // Bitwise test is safe: the memory bound keeps N below 2^23.
    if (N < 2 || (N & (N - 1)) !== 0) return undefined;
    return { kind, N, r, p };
  }
  if (kind === "pbkdf2") {
    if (args.length > 2) return undefined;
    const hash = (args[0] ?? "sha256") as Pbkdf2Hash;
    if (!Object.hasOwn(PBKDF2_HASHES, hash)) return undefined;
    const iterations = args.length === 2 ? parseCount(args[1]) : DEFAULT_PBKDF2_ITERATIONS;
    if (iterations === undefined || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) return undefined;
    return { kind, hash, iterations };
  }
  return undefined;
}

function formatMethod(method: ParsedMethod): string {
  return method.kind === "scrypt" ? `scrypt:${method.N}:${method.r}:${method.p}` : `pbkdf2:${method.hash}:${method.iterations}`;
}

/** Werkzeug's `gen_salt`: uniformly random letters and digits (rejection sampling, no modulo bias). */
function generateSalt(length: number): string {
  let salt = "";
  while (salt.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < 248 && salt.length < length) salt += SALT_CHARS[byte % 62];
    }
  }
  return salt;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function pbkdf2(password: Uint8Array, salt: Uint8Array, hash: Pbkdf2Hash, iterations: number): Promise<Uint8Array> {
  // PBKDF2's PRF is HMAC, which zero-pads keys: one zero byte is the same key as an empty password,
  // and some engines refuse to import an empty key.
  const keyBytes = password.length === 0 ? new Uint8Array(1) : new Uint8Array(password);
  const key = await crypto.subtle.importKey("raw", keyBytes, "PBKDF2", false, ["deriveBits"]);
  const { name, bytes } = PBKDF2_HASHES[hash];
  const params = { name: "PBKDF2", hash: name, salt: new Uint8Array(salt), iterations };
  return new Uint8Array(await crypto.subtle.deriveBits(params, key, bytes * 8));
}

/** The hex digest for `method`, or `undefined` when it needs scrypt and this runtime has none. */
async function digest(method: ParsedMethod, salt: string, password: string): Promise<string | undefined> {
  const passwordBytes = encoder.encode(password);
  const saltBytes = encoder.encode(salt);
  if (method.kind === "pbkdf2") return toHex(await pbkdf2(passwordBytes, saltBytes, method.hash, method.iterations));
  const scrypt = await loadNodeScrypt();
  if (!scrypt) return undefined;
  const { N, r, p } = method;
  return toHex(await scrypt(passwordBytes, saltBytes, { N, r, p, keyLength: SCRYPT_KEY_LENGTH }));
}

/** Compares two strings in time that depends only on their length (which is public here). */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Hashes a password with a random salt, in the format Werkzeug's `generate_password_hash`
 * writes. The default is scrypt as Werkzeug 3 (`scrypt:32768:8:1$<16 chars>$<128 hex>`); where
 * scrypt is unavailable (a browser Worker) it falls back to `pbkdf2:sha256:1000000`, which
 * {@link verifyPassword} and Werkzeug both check. Throws for an unknown method.
 *
 * @example
 * ```ts
 * const hash = await hashPassword("correct horse");          // "scrypt:32768:8:1$...$..."
 * await hashPassword("pw", { method: "pbkdf2:sha256:600000" }); // "pbkdf2:sha256:600000$...$..."
 * ```
 */
export async function hashPassword(password: string, options: HashPasswordOptions = {}): Promise<string> {
  if (typeof password !== "string") throw new TypeError("hashPassword expects the password as a string");
  const methodText = options.method ?? "scrypt";
  const method = parseMethod(methodText);
  if (!method) throw new TypeError(`Invalid password hash method ${JSON.stringify(methodText)}`);
  const saltLength = options.saltLength ?? 16;
  if (!Number.isInteger(saltLength) || saltLength < 1 || saltLength > 1024) {
    throw new RangeError("saltLength must be a positive integer");
  }
  const salt = generateSalt(saltLength);
  const hex = await digest(method, salt, password);
  if (hex !== undefined) return `${formatMethod(method)}$${salt}$${hex}`;
  const fallback = parseMethod(`pbkdf2:sha256:${DEFAULT_PBKDF2_ITERATIONS}`)!;
  return `${formatMethod(fallback)}$${salt}$${(await digest(fallback, salt, password))!}`;
}

/**
 * Checks a password against a hash from {@link hashPassword} or Werkzeug's
 * `generate_password_hash` (argument order as Werkzeug's `check_password_hash(pwhash, password)`).
 * Accepts `scrypt:N:r:p`, `pbkdf2:sha256:<iterations>` (Werkzeug 2's 260000 and 3's 600000 and
 * 1000000 alike) and `pbkdf2:sha512`. Compares in constant time. A malformed or unknown hash
 * gives `false`, never an error; the one error is a scrypt hash in a runtime without scrypt,
 * because answering `false` there would lock users out silently.
 *
 * @example
 * ```ts
 * import { Vial, abort, hashPassword, verifyPassword } from "vial";
 *
 * const app = new Vial({ config: { SECRET_KEY: process.env.SECRET_KEY! } });
 * const users = new Map([["ada", { id: 1, passwordHash: await hashPassword("correct horse") }]]);
 *
 * app.post("/login", async (req) => {
 *   const form = await req.form();
 *   const user = users.get(form.get("username") ?? "");
 *   if (!user || !(await verifyPassword(user.passwordHash, form.get("password") ?? ""))) abort(401);
 *   req.session.set("user_id", user.id);
 *   return "Logged in";
 * });
 * ```
 */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (typeof hash !== "string" || typeof password !== "string") return false;
  const firstDollar = hash.indexOf("$");
  const secondDollar = hash.indexOf("$", firstDollar + 1);
  if (firstDollar < 0 || secondDollar < 0) return false;
  const method = parseMethod(hash.slice(0, firstDollar));
  const salt = hash.slice(firstDollar + 1, secondDollar);
  const expected = hash.slice(secondDollar + 1);
  if (!method || (method.kind === "pbkdf2" && salt === "")) return false;
  const digestBytes = method.kind === "scrypt" ? SCRYPT_KEY_LENGTH : PBKDF2_HASHES[method.hash].bytes;
  if (expected.length !== digestBytes * 2) return false;

  let actual: string | undefined;
  try {
    actual = await digest(method, salt, password);
  } catch {
    return false;
  }
  if (actual === undefined) {
    throw new Error("This runtime has no scrypt (node:crypto), so it cannot check scrypt password hashes");
  }
  return constantTimeEqual(actual, expected);
}
