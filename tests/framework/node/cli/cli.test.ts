// The `vial` command as installed from the packed tarball (compiled, no tsx of its own): routes
// table, usage errors and dev server restarts.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { installedPackage } from "../../package/installed-package.ts";

let bin = "";
let project = "";
beforeAll(async () => {
  ({ project } = await installedPackage());
  bin = join(project, "node_modules/vial/bin/vial.mjs");
}, 600_000);

describe("vial routes", () => {
  it("prints rule, methods and endpoint", () => {
    // A copy in the installed project, so its `import "vial"` finds the packed package.
    const entry = join(mkdtempSync(join(project, "routes-")), "app.ts");
    copyFileSync("framework/examples/hello/app.ts", entry);
    const result = spawnSync(process.execPath, [bin, "routes", entry], { encoding: "utf8" });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Rule\s+Methods\s+Endpoint$/);
    expect(result.stdout).toMatch(/\/notes\/<int:id>\s+GET\s+note/);
    expect(result.stdout).toMatch(/\/notes\s+POST\s+create_note/);
  }, 60_000);

  it("explains a missing entry and a module without an app", () => {
    const missing = spawnSync(process.execPath, [bin, "routes"], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing the app's entry file/);
    const dir = mkdtempSync(join(project, "cli-"));
    writeFileSync(join(dir, "none.ts"), "export const nothing = 1;\n");
    const noApp = spawnSync(process.execPath, [bin, "routes", join(dir, "none.ts")], { encoding: "utf8" });
    expect(noApp.status).not.toBe(0);
    expect(noApp.stderr).toMatch(/must export a Vial app/);
  }, 60_000);
});

describe("vial dev", () => {
  it("serves the app and restarts when the file changes", async () => {
    // In the project that has the package installed, so the app can import "vial"; not under
    // node_modules or a dot-folder, which tsx's watcher ignores.
    const dir = mkdtempSync(join(project, "dev-"));
    const entry = join(dir, "app.ts");
    const source = (word: string) => `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => "${word}");\n`;
    writeFileSync(entry, source("first"));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const child = spawn(process.execPath, [bin, "dev", entry, "--port", port], { stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const waitFor = async (predicate: () => Promise<boolean>) => {
      for (let i = 0; i < 300; i++) {
        if (await predicate().catch(() => false)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`timed out; output:\n${output}`);
    };
    try {
      const body = async () => (await fetch(`http://127.0.0.1:${port}/`)).text();
      await waitFor(async () => (await body()) === "first");
      writeFileSync(entry, source("second"));
      await waitFor(async () => (await body()) === "second");
    } finally {
      process.kill(-child.pid!, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
