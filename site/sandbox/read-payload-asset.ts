/**
 * Reads one payload bundle from the payload build (.vial-bundle/), on the server.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { servedPayloadAssets } from "./payload-assets";

/**
 * The contents of bundle `name`; throws for a name that is not a payload bundle or has not been
 * built (run `npm run build`, or `node scripts/build-vial-bundle.mjs`).
 *
 * @example
 * await readPayloadAsset("vial.mjs");
 */
export async function readPayloadAsset(name: string): Promise<ArrayBuffer> {
  if (!servedPayloadAssets().includes(name)) throw new Error(`${name} is not a payload bundle`);
  try {
    const bytes = await readFile(join(process.cwd(), ".vial-bundle", name));
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  } catch (error) {
    throw new Error(`The payload bundle ${name} has not been built; run \`node scripts/build-vial-bundle.mjs\`.`, { cause: error });
  }
}
