/**
 * The hostile-learner suite in the node engine: every attack in tests/sandbox/attacks is graded
 * with a real lesson's checks, twice (a first run may tamper with what the second loads), and
 * must get a failing or error report, end by itself within its limit, leave no process behind,
 * change no file outside its run folder and reach nothing on the host.
 */
import { createHash } from "node:crypto";
import { createSocket } from "node:dgram";
import type { Socket } from "node:dgram";
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import type { Server } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeSandbox } from "../../../sandbox/engines/node/index";
import type { GradeReport } from "../../../sandbox/report";

const repo = resolve(__dirname, "../../..");
const attacksDir = resolve(__dirname, "../attacks");
const lessonsDir = join(repo, "lessons");
const checks = readFileSync(join(lessonsDir, "01-first-steps/01-hello-vial/checks.ts"), "utf8");
const sentinel = "/tmp/vial-hostile-sentinel.txt";
const strayFiles = ["/tmp/vial-hostile-new.txt", "/root/vial-hostile-new.txt"];
const TIMEOUT_MS = 10_000;
/** How long past its limit a run may take to be killed and reported. */
const ENDING_MARGIN_MS = 2_000;

/** Every file under a folder with its contents, to restore them if an attack got through. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function digest(files: Map<string, Buffer>): string {
  const hash = createHash("sha256");
  for (const [path, contents] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(path).update(contents);
  return hash.digest("hex");
}

/**
 * Processes still in `dir` once the kernel has finished ending them: a process the engine just
 * killed may show in /proc for a moment while it exits (its command line already empty).
 * Asked again for up to two seconds.
 */
async function processesLeftIn(dir: string): Promise<string[]> {
  let found = processesIn(dir);
  for (let attempt = 0; attempt < 20 && found.length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    found = processesIn(dir);
  }
  return found;
}

/** Live processes (other than this one) whose working folder or command line is in `dir`. */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    if (Number(pid) === process.pid) continue;
    try {
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const state = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0];
      if (state === "Z" || state === "X") continue; // dead, only waiting to be reaped
      if (cwd.startsWith(dir) || cmdline.includes(dir)) found.push(`${pid}: ${cmdline}`);
    } catch {
      // Ended while we looked.
    }
  }
  return found;
}

/** A TCP server and a UDP socket on one port of the host: anything that reaches either is counted. */
interface Canary {
  port: number;
  hits: string[];
  close(): Promise<void>;
}

async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  for (;;) {
    const tcp: Server = createServer((socket) => {
      hits.push("tcp");
      socket.on("data", (data) => hits.push(`tcp: ${String(data).split("\n")[0]}`));
      socket.on("error", () => {});
      socket.end("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok");
    });
    await new Promise<void>((done) => tcp.listen(0, "127.0.0.1", done));
    const port = (tcp.address() as { port: number }).port;
    const udp: Socket = createSocket("udp4");
    udp.on("message", (message) => hits.push(`udp: ${message.length} bytes`));
    const bound = await new Promise<boolean>((done) => {
      udp.once("error", () => done(false));
      udp.bind(port, "127.0.0.1", () => done(true));
    });
    const close = async () => {
      await new Promise<void>((done) => tcp.close(() => done()));
      if (bound) udp.close();
    };
    if (bound) return { port, hits, close };
    await close(); // the UDP port was taken: pick another pair
  }
}

// Folders holding an app.ts (attacks/realm/ groups the forgery attacks, run by forgery.test.ts).
const attacks = readdirSync(attacksDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(attacksDir, entry.name, "app.ts")))
  .map((entry) => entry.name);

describe("hostile learner code in the node engine", () => {
  let canary: Canary;
  let lessonsBefore: Map<string, Buffer>;

  beforeAll(async () => {
    canary = await startCanary();
    lessonsBefore = snapshot(lessonsDir);
  });
  afterAll(async () => {
    await canary.close();
    rmSync(sentinel, { force: true });
  });

  it("has attacks to run", () => {
    expect(attacks.length).toBeGreaterThan(10);
  });

  for (const attack of attacks) {
    it(`${attack}: never passes, ends within its limit, leaves nothing behind and changes nothing outside`, async () => {
      writeFileSync(sentinel, `sentinel ${attack}`);
      canary.hits.length = 0;
      const sandbox = new NodeSandbox({ timeoutMs: TIMEOUT_MS });
      let output = "";
      const printing = (async () => {
        for await (const text of sandbox.output) output += text;
      })();
      const reports: GradeReport[] = [];
      const leftBehind: string[] = [];
      try {
        await sandbox.load({
          files: {
            "app.ts": readFileSync(join(attacksDir, attack, "app.ts"), "utf8"),
            "canary.ts": `export const canary = { host: "127.0.0.1", port: ${canary.port} };\n`,
          },
          checks,
        });
        reports.push(await sandbox.check());
        reports.push(await sandbox.check());
        leftBehind.push(...(await processesLeftIn(sandbox.directory!)));
      } finally {
        await sandbox.dispose();
        await printing;
      }

      const lessonsAfter = snapshot(lessonsDir);
      const changed = [...lessonsBefore].filter(([path, contents]) => !lessonsAfter.get(path)?.equals(contents)).map(([path]) => path);
      for (const path of changed) writeFileSync(path, lessonsBefore.get(path)!); // undo, then fail below

      for (const report of reports) {
        expect(report.status, `${attack}: ${JSON.stringify(report).slice(0, 400)}`).not.toBe("pass");
        // Ended at its exit or its time limit, as the engine measured it: nothing held it open longer.
        expect(report.durationMs, attack).toBeLessThanOrEqual(TIMEOUT_MS + ENDING_MARGIN_MS);
      }
      expect(output).not.toMatch(/LEAKED:/);
      expect(leftBehind).toEqual([]);
      expect(changed).toEqual([]);
      expect(digest(lessonsAfter)).toBe(digest(lessonsBefore));
      expect(readFileSync(sentinel, "utf8")).toBe(`sentinel ${attack}`);
      for (const stray of strayFiles) expect(existsSync(stray), stray).toBe(false);
      expect(canary.hits).toEqual([]);
    }, 4 * TIMEOUT_MS);
  }
});
