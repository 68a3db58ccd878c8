/**
 * `crypto.subtle` for a sandbox Worker that has none. The engine's Workers run in an opaque
 * origin, which is not a secure context, so the browser leaves out Web Crypto's `subtle` (and
 * `crypto.randomUUID`); Vial's sessions and signing need them. The runner page, a secure context,
 * lends its own over a MessagePort (see RUNNER_SCRIPT in ../runner-page.ts): each call is one
 * message, and keys stay in the runner, standing here as {@link KeyHandle}s.
 */

/** The methods of SubtleCrypto, all asynchronous. */
const METHODS = ["encrypt", "decrypt", "sign", "verify", "digest", "generateKey", "deriveKey", "deriveBits", "importKey", "exportKey", "wrapKey", "unwrapKey"] as const;

interface KeyFields {
  vialKey: number;
  type: KeyType;
  extractable: boolean;
  algorithm: KeyAlgorithm;
  usages: KeyUsage[];
}

/** A key held by the runner: the properties of a CryptoKey, and the runner's number for it. */
export class KeyHandle {
  readonly type: KeyType;
  readonly extractable: boolean;
  readonly algorithm: KeyAlgorithm;
  readonly usages: KeyUsage[];
  readonly #id: number;

  constructor(fields: KeyFields) {
    this.#id = fields.vialKey;
    this.type = fields.type;
    this.extractable = fields.extractable;
    this.algorithm = fields.algorithm;
    this.usages = fields.usages;
    Object.freeze(this);
  }

  /** What the runner is sent in place of this key. */
  static toMessage(value: unknown): unknown {
    return value instanceof KeyHandle ? { vialKey: value.#id } : value;
  }
}

function isKeyFields(value: unknown): value is KeyFields {
  return typeof value === "object" && value !== null && typeof (value as KeyFields).vialKey === "number";
}

/** A runner result as the caller should see it: keys and key pairs become handles. */
function fromRunner(value: unknown): unknown {
  if (isKeyFields(value)) return new KeyHandle(value);
  const pair = value as { publicKey?: unknown; privateKey?: unknown } | null;
  if (pair && isKeyFields(pair.publicKey) && isKeyFields(pair.privateKey)) return { publicKey: new KeyHandle(pair.publicKey), privateKey: new KeyHandle(pair.privateKey) };
  return value;
}

/** An argument as the runner needs it: keys, and a key inside an algorithm (ECDH's `public`), by number. */
function toRunner(value: unknown): unknown {
  const algorithm = value as { public?: unknown } | null;
  if (typeof value === "object" && value !== null && algorithm?.public instanceof KeyHandle) return { ...algorithm, public: KeyHandle.toMessage(algorithm.public) };
  return KeyHandle.toMessage(value);
}

/**
 * Gives `scope.crypto` a `subtle` that calls the runner over `port`, and a `randomUUID`, unless
 * it has them already. Returns whether it installed anything.
 *
 * @example
 * installSubtleProxy(globalThis, event.ports[1]);
 * await crypto.subtle.digest("SHA-256", bytes); // computed by the runner
 */
export function installSubtleProxy(scope: { crypto: Crypto }, port: MessagePort | undefined): boolean {
  const crypto = scope.crypto as Crypto & { subtle?: SubtleCrypto; randomUUID?: () => string };
  let installed = false;
  if (!crypto.randomUUID) {
    Object.defineProperty(crypto, "randomUUID", { value: () => randomUUID(crypto), configurable: true, writable: true });
    installed = true;
  }
  if (crypto.subtle || !port) return installed;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  let nextId = 1;
  port.onmessage = (event: MessageEvent<{ id: number; value?: unknown; error?: { name: string; message: string } }>) => {
    const { id, value, error } = event.data;
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (error) call.reject(new DOMException(error.message, error.name));
    else call.resolve(fromRunner(value));
  };
  const post = port.postMessage.bind(port);
  const subtle: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of METHODS) {
    subtle[method] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        try {
          post({ id, method, args: args.map(toRunner) });
        } catch (error) {
          pending.delete(id);
          reject(error);
        }
      });
  }
  Object.defineProperty(crypto, "subtle", { value: Object.freeze(subtle), configurable: true });
  return true;
}

/** A version 4 UUID from getRandomValues (which every context has). */
function randomUUID(crypto: Crypto): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
