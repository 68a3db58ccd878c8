/**
 * Seeded randomness for checks: fixtures differ from run to run, so an app that hard-codes the
 * answers fails, and the seed in the report replays a failing run exactly.
 */

/** The seeded generator a grader hands to its checks and probes. */
export interface Random {
  /** The seed this generator started from; put it back into a run to replay it. */
  readonly seed: string;
  /** A whole number from 0 up to (not including) `below`. */
  int(below: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Lower-case letters and digits, starting with a letter: a valid name, tag and JS identifier. */
  word(length?: number): string;
  /** A password-like string of `length` printable characters. */
  password(length?: number): string;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const ALPHANUMERIC = LETTERS + "0123456789";
const PRINTABLE = ALPHANUMERIC + "ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_{|}~ ";

/** FNV-1a: turns any seed text into 32 bits for the generator. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A fresh seed: eight letters and digits from the platform's randomness.
 *
 * @example
 * newSeed() // "k3v9q2xa"
 */
export function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
}

/**
 * A generator (mulberry32) started from `seed`: the same seed gives the same sequence.
 *
 * @example
 * const random = createRandom("k3v9q2xa");
 * random.word(6) // the same six characters on every run with this seed
 */
export function createRandom(seed: string = newSeed()): Random {
  let state = hash(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const from = (alphabet: string, length: number): string => Array.from({ length }, () => alphabet[int(alphabet.length)]).join("");
  return Object.freeze({
    seed,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error("random.pick() needs at least one item.");
      return items[int(items.length)]!;
    },
    word: (length = 8) => from(LETTERS, 1) + from(ALPHANUMERIC, Math.max(0, length - 1)),
    password: (length = 20) => from(PRINTABLE, length),
  });
}
