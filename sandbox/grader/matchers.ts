import { deepEqual } from "./deep-equal";
import { kindOf, preview } from "./format";

/**
 * What a matcher found: whether it holds, and the words for the message. Messages read
 * "expected <wanted>, got <got>" (or "expected <unwanted>, got <got>" under `.not`).
 */
export interface Verdict {
  pass: boolean;
  wanted: string;
  unwanted: string;
  got: string;
}

type Matcher = (actual: unknown, ...args: any[]) => Verdict;

/** `got` wording that points out a kind mismatch, e.g. `"200" (a string)` when 200 was expected. */
function gotValue(actual: unknown, expected?: unknown): string {
  const shown = preview(actual);
  const differentKind = expected !== undefined && typeof actual !== typeof expected && actual !== null;
  return differentKind ? `${shown} (${kindOf(actual)})` : shown;
}

function toBe(actual: unknown, expected: unknown): Verdict {
  return { pass: Object.is(actual, expected), wanted: preview(expected), unwanted: `anything but ${preview(expected)}`, got: gotValue(actual, expected) };
}

function toEqual(actual: unknown, expected: unknown): Verdict {
  return { pass: deepEqual(actual, expected), wanted: preview(expected), unwanted: `anything but ${preview(expected)}`, got: gotValue(actual, expected) };
}

function toContain(actual: unknown, item: unknown): Verdict {
  if (typeof actual === "string") {
    const pass = typeof item === "string" && actual.includes(item);
    return { pass, wanted: `text containing ${preview(item)}`, unwanted: `text without ${preview(item)}`, got: preview(actual) };
  }
  if (Array.isArray(actual)) {
    const pass = actual.some((entry) => deepEqual(entry, item));
    return { pass, wanted: `a list containing ${preview(item)}`, unwanted: `a list without ${preview(item)}`, got: preview(actual) };
  }
  return { pass: false, wanted: `text or a list containing ${preview(item)}`, unwanted: `text or a list without ${preview(item)}`, got: `${preview(actual)} (${kindOf(actual)})` };
}

function toMatch(actual: unknown, pattern: RegExp | string): Verdict {
  const shownPattern = typeof pattern === "string" ? preview(pattern) : String(pattern);
  const pass = typeof actual === "string" && (typeof pattern === "string" ? actual.includes(pattern) : pattern.test(actual));
  const got = typeof actual === "string" ? preview(actual) : `${preview(actual)} (${kindOf(actual)})`;
  return { pass, wanted: `text matching ${shownPattern}`, unwanted: `text not matching ${shownPattern}`, got };
}

function toBeDefined(actual: unknown): Verdict {
  return { pass: actual !== undefined, wanted: "a value (not undefined)", unwanted: "undefined", got: preview(actual) };
}

function toBeUndefined(actual: unknown): Verdict {
  return { pass: actual === undefined, wanted: "undefined", unwanted: "a value (not undefined)", got: preview(actual) };
}

const FALSY = "false, 0, \"\", null or undefined";

function toBeTruthy(actual: unknown): Verdict {
  return { pass: Boolean(actual), wanted: `a value that counts as true (not ${FALSY})`, unwanted: `one of ${FALSY}`, got: preview(actual) };
}

function toBeFalsy(actual: unknown): Verdict {
  return { pass: !actual, wanted: `one of ${FALSY}`, unwanted: `a value that counts as true (not ${FALSY})`, got: preview(actual) };
}

function toBeGreaterThan(actual: unknown, bound: number): Verdict {
  const pass = typeof actual === "number" && actual > bound;
  return { pass, wanted: `a number greater than ${bound}`, unwanted: `a number no greater than ${bound}`, got: gotValue(actual, bound) };
}

function toBeLessThan(actual: unknown, bound: number): Verdict {
  const pass = typeof actual === "number" && actual < bound;
  return { pass, wanted: `a number less than ${bound}`, unwanted: `a number no less than ${bound}`, got: gotValue(actual, bound) };
}

function toHaveProperty(actual: unknown, path: string | string[], ...value: unknown[]): Verdict {
  const keys = Array.isArray(path) ? path : path.split(".");
  const name = keys.join(".");
  let current: unknown = actual;
  let found = true;
  for (const key of keys) {
    if (current === null || current === undefined || !(key in Object(current))) {
      found = false;
      break;
    }
    current = (current as Record<string, unknown>)[key];
  }
  if (value.length === 0) {
    return { pass: found, wanted: `a value with the property "${name}"`, unwanted: `a value without the property "${name}"`, got: preview(actual) };
  }
  const pass = found && deepEqual(current, value[0]);
  const got = found ? `"${name}" = ${gotValue(current, value[0])}` : preview(actual);
  return { pass, wanted: `"${name}" to be ${preview(value[0])}`, unwanted: `"${name}" to be anything but ${preview(value[0])}`, got };
}

function toHaveLength(actual: unknown, length: number): Verdict {
  const has = (typeof actual === "string" || Array.isArray(actual)) ? actual.length : undefined;
  const got = has === undefined ? `${preview(actual)} (${kindOf(actual)}, which has no length)` : `length ${has}: ${preview(actual)}`;
  return { pass: has === length, wanted: `length ${length}`, unwanted: `a length other than ${length}`, got };
}

/** How many findings a failure message lists before saying how many more there are. */
const FINDINGS_SHOWN = 3;

/**
 * For the attack kit's findings (a list of `{ message }`): passes when the list is empty, and
 * otherwise lists the first few messages in full, since each says what was sent and what came back.
 */
function toHaveNoFindings(actual: unknown): Verdict {
  if (!Array.isArray(actual)) return { pass: false, wanted: "a list of findings", unwanted: "a list of findings", got: `${preview(actual)} (${kindOf(actual)})` };
  const messages = actual.map((item) => (typeof item === "string" ? item : typeof item?.message === "string" ? item.message : preview(item)));
  const shown = messages.slice(0, FINDINGS_SHOWN).map((message) => `\n- ${message}`).join("");
  const more = messages.length > FINDINGS_SHOWN ? `\n(and ${messages.length - FINDINGS_SHOWN} more)` : "";
  return { pass: messages.length === 0, wanted: "no findings", unwanted: "at least one finding", got: messages.length === 0 ? "none" : `${messages.length}:${shown}${more}` };
}

/**
 * The synchronous matchers of `expect`, by name. `toThrow` lives in expect.ts because it may
 * have to wait for a promise.
 */
export const matchers = {
  toBe, toEqual, toContain, toMatch, toBeDefined, toBeUndefined, toBeTruthy, toBeFalsy,
  toBeGreaterThan, toBeLessThan, toHaveProperty, toHaveLength, toHaveNoFindings,
} satisfies Record<string, Matcher>;

export type MatcherName = keyof typeof matchers;

/**
 * Judges a thrown value against what `toThrow` expected: any error, a message part, a pattern
 * or an error class.
 *
 * @example
 * judgeThrown(new Error("boom"), true, "boom").pass // true
 */
export function judgeThrown(thrown: unknown, didThrow: boolean, expected?: string | RegExp | (new (...args: any[]) => unknown)): Verdict {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const got = didThrow ? `it threw ${preview(thrown)}` : "it finished without throwing";
  if (expected === undefined) {
    return { pass: didThrow, wanted: "an error to be thrown", unwanted: "no error", got };
  }
  if (typeof expected === "function") {
    const pass = didThrow && thrown instanceof expected;
    return { pass, wanted: `a ${expected.name} to be thrown`, unwanted: `no ${expected.name}`, got };
  }
  const shown = typeof expected === "string" ? preview(expected) : String(expected);
  const pass = didThrow && (typeof expected === "string" ? message.includes(expected) : expected.test(message));
  return { pass, wanted: `an error whose message matches ${shown}`, unwanted: `no error whose message matches ${shown}`, got };
}
