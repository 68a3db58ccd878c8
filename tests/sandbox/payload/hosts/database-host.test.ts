import { describe, expect, it } from "vitest";
import { CONTAINER_DATABASE_SOURCE } from "../../../../sandbox/engines/webcontainer/database-mount";
import { resolveDatabaseSource } from "../../../../sandbox/payload/hosts/database-host";

describe("resolveDatabaseSource", () => {
  it("makes payload-relative paths absolute against the payload's root and keeps absolute ones and URLs", () => {
    expect(resolveDatabaseSource(CONTAINER_DATABASE_SOURCE, "/home/app/grade")).toEqual({
      pglite: "file:///home/app/grade/.vial/pglite.mjs",
      dataDir: "/home/app/grade/.vial/pglite-datadir.tar.gz",
      files: { pgliteWasm: "/home/app/grade/.vial/pglite.wasm", initdbWasm: "/home/app/grade/.vial/initdb.wasm", fsBundle: "/home/app/grade/.vial/pglite.data" },
      sqlParser: "file:///home/app/grade/.vial/libpg-query.cjs",
    });
    const node = { pglite: "file:///repo/node_modules/@electric-sql/pglite/dist/index.js", dataDir: "/repo/.vial-bundle/pglite.tar", sqlParser: "file:///repo/x.js" };
    expect(resolveDatabaseSource(node, "/elsewhere")).toEqual(node);
    const server = { url: "postgres://127.0.0.1:5433/postgres", pg: "file:///repo/node_modules/pg/esm/index.mjs", sqlParser: "file:///repo/x.js" };
    expect(resolveDatabaseSource(server, "/elsewhere")).toEqual(server);
  });
});
