/**
 * Attack: grow off the V8 heap, where --max-old-space-size does not look: Buffer.allocUnsafe
 * (filled, so the pages are real) in a loop up to 2 GB. Prints "LEAKED:" once it holds 512 MB,
 * twice the engine's default limit.
 * Must happen: the run is stopped near its memory limit with an error report.
 */
import { Vial } from "vial";

export const app = new Vial();

const held: Uint8Array[] = [];
let megabytes = 0;
while (megabytes < 2048) {
  held.push(typeof Buffer !== "undefined" ? Buffer.allocUnsafe(16 << 20).fill(1) : new Uint8Array(16 << 20).fill(1));
  megabytes += 16;
  if (megabytes === 512) console.log(`LEAKED: held ${megabytes} MB`);
}
