/**
 * POSIX path helpers for payload-relative paths ("app.ts", "routes/users.ts"), written out so
 * the runtime needs no `node:path` and runs unchanged in a browser Worker.
 *
 * @example
 * joinPath("routes", "../app.ts") // "app.ts"
 */
export function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/**
 * The folder part of a payload-relative path ("" for files at the root).
 *
 * @example
 * dirOf("routes/users.ts") // "routes"
 */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? "" : path.slice(0, slash);
}

/**
 * Checks that a learner-supplied path stays inside the workspace and out of the payload's
 * own folder, and returns it normalised.
 *
 * @example
 * safeLearnerPath("./app.ts")     // "app.ts"
 * safeLearnerPath("../etc/passwd") // throws
 */
export function safeLearnerPath(path: string): string {
  const normalised = joinPath("", path.replace(/\\/g, "/"));
  const escapes = path.startsWith("/") || path.split(/[\\/]/).includes("..") || normalised === "";
  if (escapes || normalised === PAYLOAD_DIR || normalised.startsWith(`${PAYLOAD_DIR}/`) || normalised.startsWith("node_modules/")) {
    throw new Error(`"${path}" is not a path a lesson file can have.`);
  }
  return normalised;
}

/** The payload's own folder (bundles, runner, the lesson's checks), beside the learner's files. */
export const PAYLOAD_DIR = ".vial";

/** Where buildPayload puts the lesson's checks: in the payload folder, out of the learner's way. */
export const CHECKS_PATH = `${PAYLOAD_DIR}/checks.ts`;
