import { describe, expect, it } from "vitest";
import { CONTAINER_DATABASE_SOURCE, databaseMount } from "../../../sandbox/engines/webcontainer/database-mount";
import type { DatabaseFileBytes } from "../../../sandbox/engines/webcontainer/database-mount";
import { toFileSystemTree } from "../../../sandbox/engines/webcontainer/file-tree";

const bytes = (text: string) => new TextEncoder().encode(text);
const PARSER = "var PgQueryModule=(()=>{});if(typeof exports===\"object\"&&typeof module===\"object\"){module.exports=PgQueryModule}";

function served(overrides: Partial<DatabaseFileBytes> = {}): DatabaseFileBytes {
  return {
    module: bytes("export class PGlite {}"), pgliteWasm: bytes("\0asm pglite"), initdbWasm: bytes("\0asm initdb"), fsBundle: bytes("share"),
    dataDir: bytes("\x1f\x8b tarball"), sqlParserModule: bytes(`${PARSER}\nexport default PgQueryModule;\n`), sqlParserWasm: bytes("\0asm parser"),
    ...overrides,
  };
}

describe("databaseMount", () => {
  it("puts every database file into .vial/, the bytes as served, the parser as CommonJS", () => {
    const files = served();
    const tree = databaseMount(files);
    expect(Object.keys(tree).sort()).toEqual([
      ".vial/initdb.wasm", ".vial/libpg-query.cjs", ".vial/libpg-query.wasm", ".vial/pglite-datadir.tar.gz", ".vial/pglite.data", ".vial/pglite.mjs", ".vial/pglite.wasm",
    ]);
    expect(tree[".vial/pglite.wasm"]).toBe(files.pgliteWasm);
    expect(tree[".vial/pglite-datadir.tar.gz"]).toBe(files.dataDir);
    expect(tree[".vial/libpg-query.cjs"]).toBe(`${PARSER}\n`);
    // mount() is handed copies: the bytes kept for the next run are not the ones it detaches.
    const mounted = toFileSystemTree(tree);
    const vial = mounted[".vial"] as { directory: Record<string, { file: { contents: Uint8Array } }> };
    expect(vial.directory["pglite.wasm"]!.file.contents).toEqual(files.pgliteWasm);
    expect(vial.directory["pglite.wasm"]!.file.contents).not.toBe(files.pgliteWasm);
  });

  it("names the mounted files in the grader host's source, so every file it opens is one mounted", () => {
    const tree = databaseMount(served());
    const source = CONTAINER_DATABASE_SOURCE;
    if ("url" in source) throw new Error("expected PGlite");
    const named = [source.pglite, source.dataDir, source.sqlParser, source.files?.pgliteWasm, source.files?.initdbWasm, source.files?.fsBundle];
    for (const path of named) expect(tree, String(path)).toHaveProperty([path!]);
    // The host reads the parser's WebAssembly from beside its script.
    expect(tree).toHaveProperty([source.sqlParser.replace(/\.cjs$/, ".wasm")]);
  });

  it("refuses a missing file, and a parser that is not the build's ES module", () => {
    const { pgliteWasm: _, ...missing } = served();
    expect(() => databaseMount(missing as DatabaseFileBytes)).toThrow(/needs pglite\.wasm, which is missing/);
    expect(() => databaseMount(served({ sqlParserModule: bytes(PARSER) }))).toThrow(/sql-parser\.mjs is not the parser module/);
  });
});
