// framework/package.json as published: `npm pack`, installed from the tarball into a project
// outside this repository, used the way an app author would.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { installedPackage, npmInstall, type InstalledPackage } from "./installed-package.ts";
import { serveWith } from "./served-app.ts";

let installed: InstalledPackage;
beforeAll(async () => {
  installed = await installedPackage();
}, 600_000);

type Manifest = {
  license?: string;
  engines?: { node?: string };
  files?: string[];
  dependencies?: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};

const installedManifest = () => JSON.parse(readFileSync(join(installed.project, "node_modules/vial/package.json"), "utf8")) as Manifest;

describe("the tarball", () => {
  it("holds compiled JavaScript with declarations, the license and the changelog, and no TypeScript sources", () => {
    const entries = execFileSync("tar", ["-tzf", installed.tarball], { encoding: "utf8" }).trim().split("\n");
    expect(entries).toEqual(expect.arrayContaining(["package/dist/index.js", "package/dist/index.d.ts", "package/bin/vial.mjs", "package/LICENSE", "package/CHANGELOG.md", "package/README.md"]));
    expect(entries.filter((entry) => entry.startsWith("package/src/"))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith(".ts") && !entry.endsWith(".d.ts") && !entry.startsWith("package/starter/"))).toEqual([]);
    expect(readFileSync(join(installed.project, "node_modules/vial/LICENSE"), "utf8")).toBe(readFileSync("LICENSE", "utf8"));
  });

  it("declares its license and Node version, needs no tsx, and maps every subpath to JavaScript and types that exist", async () => {
    const manifest = installedManifest();
    expect(manifest.license).toBe("MIT");
    expect(manifest.engines?.node).toMatch(/^>=\d+/);
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain("tsx");
    const subpaths = Object.keys(manifest.exports).filter((subpath) => subpath !== "./package.json");
    expect(subpaths).toEqual(expect.arrayContaining([".", "./node", "./redis", "./testing"]));
    for (const subpath of subpaths) {
      const target = manifest.exports[subpath] as Record<string, string>;
      expect(target.types, subpath).toMatch(/^\.\/dist\/.*\.d\.ts$/);
      expect(target.default, subpath).toMatch(/^\.\/dist\/.*\.js$/);
      readFileSync(join(installed.project, "node_modules/vial", target.types!));
      // Node loads the compiled module with its own loader, no TypeScript involved.
      const specifier = `vial${subpath.slice(1)}`;
      const loaded = spawnSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).length);`], { cwd: installed.project, encoding: "utf8" });
      expect(loaded.stderr, specifier).toBe("");
      expect(Number(loaded.stdout), specifier).toBeGreaterThan(0);
    }
  }, 60_000);
});

describe("a TypeScript app on the installed package", () => {
  const APP = `import { Vial, json } from "vial";
import { serve } from "vial/node";
import { rateLimitStoreContract } from "vial/testing";
import type { RedisCommands } from "vial/redis";

export const app = new Vial({ config: { SECRET_KEY: "packed" } });
app.get("/users/<int:id>", (req) => json({ id: req.params.id, double: req.params.id * 2 }));
export const unused: [typeof serve, typeof rateLimitStoreContract, RedisCommands | undefined] = [serve, rateLimitStoreContract, undefined];
`;

  it("type-checks under moduleResolution nodenext with the package's own types (not any)", () => {
    const dir = installed.project;
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: ["node"] }, files: ["app.ts"] }));
    writeFileSync(join(dir, "app.ts"), APP);
    const tsc = join(dir, "node_modules/typescript/bin/tsc");
    const clean = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
    expect(clean.stdout).toBe("");
    expect(clean.status).toBe(0);
    // With real types a misuse is an error; with `any` it would pass.
    writeFileSync(join(dir, "app.ts"), `${APP}export const wrong: string = app.config.MAX_FORM_PARTS;\nnew Vial().get("/<int:id>", (req) => req.params.id.toUpperCase());\n`);
    const broken = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8" });
    expect(broken.status).not.toBe(0);
    expect(broken.stdout).toMatch(/app\.ts\(\d+,\d+\): error TS2322/);
    expect(broken.stdout).toMatch(/app\.ts\(\d+,\d+\): error TS2339: Property 'toUpperCase' does not exist on type 'number'/);
    writeFileSync(join(dir, "app.ts"), APP);
  }, 180_000);

  it("is served by the package's `vial run`, with tsx from the app's project", async () => {
    const dir = mkdtempSync(join(installed.project, "served-"));
    writeFileSync(join(dir, "app.ts"), APP);
    const served = await serveWith([join(installed.project, "node_modules/vial/bin/vial.mjs"), "run", "app.ts", "--port", "0"], dir);
    try {
      const response = await fetch(`${served.url}/users/21`);
      expect(await response.json()).toEqual({ id: 21, double: 42 });
    } finally {
      served.stop();
    }
  }, 60_000);
});

describe("vial new", () => {
  it("creates an app whose own test command and type check pass, and whose dev script serves it with secure defaults", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "vial-new-")), "my-app");
    const created = spawnSync(process.execPath, [join(installed.project, "node_modules/vial/bin/vial.mjs"), "new", dir], { encoding: "utf8" });
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; scripts: Record<string, string> };
    expect(manifest.name).toBe("my-app");
    expect(manifest.scripts.dev).toMatch(/^vial dev /);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toMatch(/node_modules/);
    npmInstall(dir, [installed.tarball]);
    const tested = spawnSync("npm", ["test"], { cwd: dir, encoding: "utf8" });
    expect(tested.stdout).toMatch(/# pass 4\b/);
    expect(tested.stdout).toMatch(/# fail 0\b/);
    expect(tested.status).toBe(0);
    const typecheck = spawnSync("npm", ["run", "typecheck"], { cwd: dir, encoding: "utf8" });
    expect(typecheck.stdout + typecheck.stderr).not.toMatch(/error TS/);
    expect(typecheck.status).toBe(0);
    // `npm run dev` is `vial dev src/dev.ts`: the same, on a free port.
    const served = await serveWith([join(dir, "node_modules/vial/bin/vial.mjs"), "dev", "src/dev.ts", "--port", "0"], dir);
    try {
      const page = await fetch(`${served.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/name="csrf_token"/);
      expect(page.headers.get("content-security-policy")).toBeTruthy();
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      // A form post without its CSRF token is refused.
      const forged = await fetch(`${served.url}/greet`, { method: "POST", body: new URLSearchParams({ name: "x" }) });
      expect(forged.status).toBe(403);
    } finally {
      served.stop();
    }
  }, 300_000);

  it("refuses a folder that already has files", () => {
    const dir = mkdtempSync(join(tmpdir(), "vial-new-"));
    writeFileSync(join(dir, "keep.txt"), "mine");
    const refused = spawnSync(process.execPath, [join(installed.project, "node_modules/vial/bin/vial.mjs"), "new", dir], { encoding: "utf8" });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already has files/);
    expect(readFileSync(join(dir, "keep.txt"), "utf8")).toBe("mine");
  });
});
