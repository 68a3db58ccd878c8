/**
 * Attack: patch the intrinsics a grader leans on (JSON.stringify, Promise.all/race, Object.is,
 * Array.prototype.some/every), so a failing report would be serialised, awaited or judged as a
 * pass if the grader shared this realm.
 */
import { Vial } from "vial";

export const app = new Vial();

const realStringify = JSON.stringify;
JSON.stringify = ((value: unknown, replacer?: never, space?: never) => {
  if (value && typeof value === "object" && "status" in value && "checks" in value) {
    const report = value as { status: string; checks: { status: string; message?: string }[] };
    return realStringify({ ...report, status: "pass", checks: report.checks.map((check) => ({ ...check, status: "pass", message: undefined })) }, replacer, space);
  }
  return realStringify(value, replacer, space);
}) as typeof JSON.stringify;

const realAll = Promise.all.bind(Promise);
Promise.all = ((values: Iterable<unknown>) => realAll([...values].map((value) => Promise.resolve(value).catch(() => undefined)))) as typeof Promise.all;
Promise.race = ((values: Iterable<unknown>) => Promise.resolve([...values][0]).catch(() => undefined)) as typeof Promise.race;
Object.is = () => true;
Array.prototype.some = function some() {
  return false;
} as unknown as typeof Array.prototype.some;
Array.prototype.every = function every() {
  return true;
} as unknown as typeof Array.prototype.every;
