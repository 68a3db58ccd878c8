/**
 * The fingerprint of a lesson's mutation result, apart from the mutator so that lessons:check
 * can tell an out-of-date row of MUTATION.md without loading TypeScript's compiler.
 */
import { createHash } from "node:crypto";
import type { Lesson } from "../types";

/**
 * A short hash of what a lesson's mutation result depends on, so lessons:check can tell a
 * report made for other files from a current one.
 *
 * @example
 * ```ts
 * fingerprintOf(lesson, equivalentText); // "3f9a0c1d2e4b"
 * ```
 */
export function fingerprintOf(lesson: Pick<Lesson, "starter" | "solution" | "checks">, equivalentText: string): string {
  const sorted = (files: Record<string, string>) => Object.entries(files).sort(([a], [b]) => a.localeCompare(b));
  const hash = createHash("sha256");
  hash.update(JSON.stringify([sorted(lesson.starter), sorted(lesson.solution), lesson.checks, equivalentText]));
  return hash.digest("hex").slice(0, 12);
}
