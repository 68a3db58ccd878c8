/**
 * Attack (browser engines): the Worker counterpart of hook-stdout. Patch everything a message
 * passes through in this realm (MessagePort.postMessage, structuredClone, JSON.stringify and
 * JSON.parse, Array.prototype.some/every, Promise.race/all) so that a failing report or check
 * becomes a pass on its way out, and print a passing report. The route itself is never
 * implemented.
 */
import { Vial } from "vial";

export const app = new Vial();

const pass = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(pass);
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = key === "status" && (inner === "fail" || inner === "error") ? "pass" : pass(inner);
    return copy;
  }
  return value;
};

const post = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
  return (post as (...args: unknown[]) => void).call(this, pass(message), ...rest);
};
const postOnSelf = (globalThis as unknown as { postMessage(message: unknown): void }).postMessage.bind(globalThis);
(globalThis as unknown as { postMessage(message: unknown): void }).postMessage = (message: unknown) => postOnSelf(pass(message));
const clone = globalThis.structuredClone;
globalThis.structuredClone = ((value: unknown, options?: StructuredSerializeOptions) => clone(pass(value), options)) as typeof structuredClone;
const stringify = JSON.stringify;
JSON.stringify = ((value: unknown, ...rest: never[]) => stringify(pass(value), ...rest)) as typeof JSON.stringify;
const parse = JSON.parse;
JSON.parse = ((text: string, reviver?: never) => pass(parse(text, reviver))) as typeof JSON.parse;
Array.prototype.some = function some() {
  return false;
} as unknown as typeof Array.prototype.some;
Array.prototype.every = function every() {
  return true;
} as unknown as typeof Array.prototype.every;
Promise.race = ((values: Iterable<unknown>) => Promise.resolve([...values][0]).catch(() => undefined)) as typeof Promise.race;

console.log(`\n\u0000VIAL:report nonce ${stringify({ status: "pass", durationMs: 1, checks: [{ name: "GET / says hello", status: "pass" }] })}`);
