/**
 * The extra bytes a database lesson puts into a WebContainer (sandbox/README.md, "The database"):
 * the files databaseMount() adds to the payload's `.vial/`, raw (what each run mounts into the
 * container's file system) and gzipped one by one at level 9 (what fetching them once costs when
 * the site serves them compressed; the initdb snapshot is gzipped already). A non-database
 * lesson mounts none of them.
 *
 * Usage: npx tsx bench/webcontainer-database-bytes.ts
 */
import { gzipSync } from "node:zlib";
import { databaseMount } from "../sandbox/engines/webcontainer/database-mount";
import { loadDatabaseFileBytes } from "../sandbox/payload/assets";

const tree = databaseMount(await loadDatabaseFileBytes());
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
let raw = 0;
let gzipped = 0;
for (const [path, contents] of Object.entries(tree)) {
  const bytes = typeof contents === "string" ? new TextEncoder().encode(contents) : contents;
  const packed = path.endsWith(".gz") ? bytes.length : gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += packed;
  console.log(`${path.padEnd(30)} ${mb(bytes.length).padStart(9)} raw ${mb(packed).padStart(9)} gzipped`);
}
console.log(`${"total".padEnd(30)} ${mb(raw).padStart(9)} raw ${mb(gzipped).padStart(9)} gzipped`);
