/**
 * The payload folder as the node hosts see it: the folder above `.vial/`, files read by
 * payload-relative path. Node only (the hosts run as `node` processes).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The payload's root: the hosts live in its `.vial/` folder. */
export const PAYLOAD_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Reads a payload-relative file; undefined when there is none.
 *
 * @example
 * readPayloadFile("app.ts")
 */
export function readPayloadFile(path: string): string | undefined {
  try {
    return readFileSync(join(PAYLOAD_ROOT, path), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * True when any learner file imports `name` (zod is large enough to load only on demand).
 *
 * @example
 * if (learnerFilesImport("zod")) modules.zod = await import("./zod.mjs");
 */
export function learnerFilesImport(name: string): boolean {
  const pattern = new RegExp(`["']${name}["']`);
  const scan = (dir: string): boolean =>
    readdirSync(join(PAYLOAD_ROOT, dir), { withFileTypes: true }).some((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return entry.name !== "node_modules" && entry.name !== ".vial" && scan(path);
      return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) && pattern.test(readPayloadFile(path) ?? "");
    });
  return scan("");
}

/** Imports a bundle beside the host (`.vial/<name>`). */
export function loadBundle(name: string): Promise<unknown> {
  return import(new URL(`./${name}`, import.meta.url).href);
}
