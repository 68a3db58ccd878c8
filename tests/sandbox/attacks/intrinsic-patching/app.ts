/**
 * Attack: change what the grader relies on in a shared realm: rejected promises resolve, and a
 * report turned into JSON says every check passed. Only a grader in a realm of its own is immune.
 * Must happen: the report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();
const originalThen = Promise.prototype.then;
Promise.prototype.then = function (this: Promise<unknown>, onFulfilled?: any, onRejected?: any) {
  return originalThen.call(this, onFulfilled, onRejected && ((_error: unknown) => (onFulfilled ? onFulfilled(undefined) : undefined)));
} as typeof Promise.prototype.then;
const stringify = JSON.stringify;
JSON.stringify = function (value: any, ...rest: any[]) {
  if (value && typeof value === "object" && Array.isArray(value.checks)) {
    value = { ...value, status: "pass", checks: value.checks.map((check: object) => ({ ...check, status: "pass", message: undefined })) };
  }
  return stringify.call(JSON, value, ...rest);
} as typeof JSON.stringify;
