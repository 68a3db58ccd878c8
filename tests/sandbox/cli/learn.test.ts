/**
 * The `learn` command end to end: run as a child process (as `npm run learn` does) against a
 * small course written to a temp folder, with the real node engine grading.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "../../..");
const TSX = join(REPO, "node_modules/tsx/dist/cli.mjs");
const LEARN = join(REPO, "sandbox/cli/learn.ts");

const STARTER = `import { Vial } from "vial";\nexport const app = new Vial();\n`;
const SOLUTION = `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => "Hello");\napp.get("/about", () => "About Vial");\n`;
const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";
check("GET / says Hello", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
}, { task: 1 });
check("GET /about mentions Vial", async () => {
  expect((await http(app).get("/about")).text, "body of GET /about").toContain("Vial");
}, { task: 2 });
`;
const lessonMdx = (title: string, extra = "") => `---
title: ${title}
summary: A lesson for the learn command's tests.
minutes: 5
focus: app.ts
objectives:
  - Answer two routes
${extra}---

<Task n={1} title="Say hello" hint="Route GET / to a function returning Hello.">
Say hello.
</Task>

<Task n={2} title="Add an about page" hint="A second app.get adds a second route." moreHints={["Call app.get with the path /about.", "Return a sentence that contains Vial."]}>
Add /about.
</Task>
`;

const COURSE: Record<string, string> = {
  "01-basics/chapter.mdx": "---\ntitle: Basics\nsummary: The first chapter.\n---\n\nIntro.\n",
  "01-basics/01-hello/lesson.mdx": lessonMdx("Hello"),
  "01-basics/01-hello/starter/app.ts": STARTER,
  "01-basics/01-hello/solution/app.ts": SOLUTION,
  "01-basics/01-hello/checks.ts": CHECKS,
  // Scored like an audit: the outline counts its task 2 checks as "fixed".
  "01-basics/02-again/lesson.mdx": lessonMdx("Again", "builds-on:\n  - basics/hello\ntally:\n  tasks: [2]\n  label: fixed\n").replace("minutes: 5", "minutes: 70"),
  "01-basics/02-again/starter/app.ts": STARTER,
  "01-basics/02-again/solution/app.ts": SOLUTION,
  "01-basics/02-again/checks.ts": CHECKS,
};

let dir: string;
const appFile = () => join(dir, "workspace/basics/hello/app.ts");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function learn(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TSX, LEARN, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

function progress(): { current?: string; lessons: Record<string, { status?: string; passedAt?: string; tasks?: Record<string, string>; taskChecks?: Record<string, { passed: number; total: number }> }> } {
  return JSON.parse(readFileSync(join(dir, "workspace/progress.json"), "utf8"));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "learn-cli-"));
  for (const [path, contents] of Object.entries(COURSE)) {
    await mkdir(dirname(join(dir, "lessons", path)), { recursive: true });
    await writeFile(join(dir, "lessons", path), contents);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each case starts the CLI (tsx, then node) a few times; on a busy machine that takes a while.
describe("learn", { timeout: 120_000 }, () => {
  it("prints usage with no command, and refuses unknown commands", async () => {
    const usage = await learn();
    expect(usage.code).toBe(0);
    expect(usage.stdout).toContain("Usage: npm run learn -- <command>");
    const unknown = await learn("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it("lists the course before anything is started, and refuses to check", async () => {
    const list = await learn("list");
    expect(list.code).toBe(0);
    // The path: the chapter with its time and how much is passed, each lesson with its time and
    // what it builds on; no tally before the lesson is checked.
    expect(list.stdout).toMatch(/1\. Basics {2}2 lessons, 1 h 15 min, 0 of 2 passed\n/);
    expect(list.stdout).toMatch(/· basics\/hello\s+Hello \(5 min\)\n {4}· basics\/again/);
    expect(list.stdout).toMatch(/· basics\/again\s+Again \(70 min\)\n\s+builds on basics\/hello\n/);
    expect(list.stdout).not.toContain("fixed");
    expect(list.stdout).toContain("0 of 2 lessons passed");
    const check = await learn("check");
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("No lesson started yet");
  });

  it("start copies the starter, makes the lesson current, and never overwrites work", async () => {
    const first = await learn("start", "hello");
    expect(first.code).toBe(0);
    expect(readFileSync(appFile(), "utf8")).toBe(STARTER);
    expect(first.stdout).toContain("1. Say hello");
    expect(progress().current).toBe("basics/hello");
    writeFileSync(appFile(), STARTER + "// my work\n");
    const again = await learn("start", "basics/hello");
    expect(again.stdout).toContain("already there and was kept");
    expect(readFileSync(appFile(), "utf8")).toContain("// my work");
    expect((await learn("start", "nope")).stderr).toContain('There is no lesson "nope"');
  });

  it("check grades the current lesson task by task, with hints, and exits 1 on failures", async () => {
    writeFileSync(appFile(), `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => "Hello");\n`);
    const run = await learn("check");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Task 1: Say hello {2}done/);
    expect(run.stdout).toMatch(/Task 2: Add an about page {2}1 of 1 not passing/);
    expect(run.stdout).toContain('✗ GET /about mentions Vial');
    expect(run.stdout).toContain("→ GET /about");
    expect(run.stdout).toContain("← 404");
    expect(run.stdout).toContain("Hint: A second app.get adds a second route.");
    expect(progress().lessons["basics/hello"]).toMatchObject({ status: "fail", tasks: { "1": "pass", "2": "fail" } });
  });

  it("hint reveals one more hint of a task that is not passing each time, and --all shows them all", async () => {
    const run = await learn("hint");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Task 2: Add an about page  (hint 1 of 3)");
    expect(run.stdout).toContain("1. A second app.get adds a second route.");
    expect(run.stdout).not.toContain("Call app.get with the path /about.");
    expect(run.stdout).toContain("Run `npm run learn -- hint` again for the next hint");
    expect(run.stdout).not.toContain("Task 1: Say hello");
    const second = await learn("hint");
    expect(second.stdout).toContain("(hint 2 of 3)");
    expect(second.stdout).toContain("1. A second app.get adds a second route.");
    expect(second.stdout).toContain("2. Call app.get with the path /about.");
    expect(second.stdout).not.toContain("Return a sentence that contains Vial.");
    const all = await learn("hint", "--all");
    expect(all.stdout).toContain("(hint 3 of 3)");
    expect(all.stdout).toContain("3. Return a sentence that contains Vial.");
    expect(all.stdout).toContain("That was the last hint.");
  });

  it("solution prints a diff and leaves the learner's files alone", async () => {
    const before = readFileSync(appFile(), "utf8");
    const run = await learn("solution");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--- yours/app.ts");
    expect(run.stdout).toContain("+++ solution/app.ts");
    expect(run.stdout).toContain('+app.get("/about", () => "About Vial");');
    expect(readFileSync(appFile(), "utf8")).toBe(before);
  });

  it("check exits 2 with file and line when the code does not compile", async () => {
    writeFileSync(appFile(), `import { Vial } from "vial";\nexport const app = new Vial();\napp.get("/", () => ;\n`);
    const run = await learn("check", "basics/hello");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("Your code could not be checked");
    expect(run.stdout).toMatch(/app\.ts:3:\d+: Syntax error/);
  });

  it("reset refuses without a terminal unless --yes, and keeps a backup", async () => {
    const refused = await learn("reset");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--yes");
    expect(readFileSync(appFile(), "utf8")).toContain("() => ;");
    const done = await learn("reset", "--yes");
    expect(done.code).toBe(0);
    expect(readFileSync(appFile(), "utf8")).toBe(STARTER);
    const backups = join(dir, "workspace/.backups/basics/hello");
    const [stamp] = readdirSync(backups);
    expect(readFileSync(join(backups, stamp!, "app.ts"), "utf8")).toContain("() => ;");
  });

  it("check exits 0 when everything passes, records it, and points to the next lesson", async () => {
    writeFileSync(appFile(), SOLUTION);
    const run = await learn("check");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Lesson complete! Next: npm run learn -- start basics/again");
    expect(progress().lessons["basics/hello"]?.passedAt).toBeDefined();
    const list = (await learn("list")).stdout;
    expect(list).toMatch(/▸ ✓ basics\/hello/);
    expect(list).toMatch(/1\. Basics {2}2 lessons, 1 h 15 min, 1 of 2 passed\n/);
  });

  it("watch checks at once and again after each save", async () => {
    writeFileSync(appFile(), STARTER);
    // Run under node itself (tsx as a loader), so SIGTERM reaches the command, not tsx's relay.
    const child = spawn(process.execPath, ["--import", pathToFileURL(join(REPO, "node_modules/tsx/dist/loader.mjs")).href, LEARN, "watch"], { cwd: dir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    const seen = (text: string) => new Promise<void>((found) => {
      const look = () => stdout.includes(text) && found();
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
        look();
      });
      look();
    });
    try {
      await seen("Watching");
      expect(stdout).toContain("0 of 2 tasks done");
      writeFileSync(appFile(), SOLUTION);
      await seen("All tasks pass.");
    } finally {
      child.kill("SIGTERM");
    }
    const code = await new Promise((done) => child.on("close", done));
    expect(code).toBe(0);
    expect(existsSync(join(dir, "workspace/basics/hello/app.ts"))).toBe(true);
  });

  it("check on a lesson not started yet starts it from the starter, then grades it", async () => {
    const run = await learn("check", "again");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("was not started yet: copied its starter files");
    expect(run.stdout).toMatch(/Task 1: Say hello/);
    expect(readFileSync(join(dir, "workspace/basics/again/app.ts"), "utf8")).toBe(STARTER);
    expect(progress().current).toBe("basics/again");
  });

  it("list shows the tally of a scored lesson from its last check, on the lesson and its chapter", async () => {
    expect((await learn("list")).stdout).toMatch(/1 of 2 passed, 0 of 1 fixed\n[^]*▸ • basics\/again\s+Again \(70 min\) {2}0 of 1 fixed\n/);
    writeFileSync(join(dir, "workspace/basics/again/app.ts"), SOLUTION.replace('app.get("/", () => "Hello");\n', ""));
    expect((await learn("check")).code).toBe(1);
    expect(progress().lessons["basics/again"]?.taskChecks).toEqual({ "1": { passed: 0, total: 1 }, "2": { passed: 1, total: 1 } });
    expect((await learn("list")).stdout).toMatch(/▸ • basics\/again\s+Again \(70 min\) {2}1 of 1 fixed\n/);
  });
});

describe("learn start of a lesson that continues the previous one", { timeout: 120_000 }, () => {
  const MORE_SOLUTION = SOLUTION + 'app.get("/more", () => "More");\n';
  const MORE_CHECKS = CHECKS + `check("GET /more answers", async () => {
  expect((await http(app).get("/more")).status, "status of GET /more").toBe(200);
}, { task: 2 });
`;
  const MINE = SOLUTION.replace('"About Vial"', '"All about Vial, by me"');
  let course: string;
  const run = (...args: string[]) =>
    new Promise<Run>((done) => {
      const child = spawn(process.execPath, [TSX, LEARN, ...args], { cwd: course, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => done({ code, stdout, stderr }));
    });
  const file = (lesson: string) => join(course, "workspace/basics", lesson, "app.ts");

  beforeAll(async () => {
    course = await mkdtemp(join(tmpdir(), "learn-cli-previous-"));
    const files: Record<string, string> = {
      "01-basics/chapter.mdx": COURSE["01-basics/chapter.mdx"]!,
      "01-basics/01-hello/lesson.mdx": lessonMdx("Hello"),
      "01-basics/01-hello/starter/app.ts": STARTER,
      "01-basics/01-hello/solution/app.ts": SOLUTION,
      "01-basics/01-hello/checks.ts": CHECKS,
      "01-basics/02-more/lesson.mdx": lessonMdx("More").replace("focus: app.ts", "focus: app.ts\nfrom: previous"),
      "01-basics/02-more/solution/app.ts": MORE_SOLUTION,
      "01-basics/02-more/checks.ts": MORE_CHECKS,
    };
    for (const [path, contents] of Object.entries(files)) {
      await mkdir(dirname(join(course, "lessons", path)), { recursive: true });
      await writeFile(join(course, "lessons", path), contents);
    }
  });

  afterAll(async () => {
    await rm(course, { recursive: true, force: true });
  });

  it("starts from the model solution, saying why, until the previous lesson passes", async () => {
    const started = await run("start", "more");
    expect(started.code).toBe(0);
    expect(started.stdout).toContain("Starting from the model solution of basics/hello: you have not passed its checks here yet.");
    expect(readFileSync(file("more"), "utf8")).toBe(SOLUTION);
  });

  it("continues the learner's own passing files of the previous lesson", async () => {
    await rm(join(course, "workspace/basics/more"), { recursive: true, force: true });
    await run("start", "hello");
    writeFileSync(file("hello"), MINE);
    expect((await run("check", "hello")).code).toBe(0);
    const started = await run("start", "more");
    expect(started.stdout).toContain("Continuing from your own files of basics/hello, which passed its checks.");
    expect(readFileSync(file("more"), "utf8")).toBe(MINE);
  });

  it("does not continue files that failed at the last check, and says so", async () => {
    await rm(join(course, "workspace/basics/more"), { recursive: true, force: true });
    writeFileSync(file("hello"), STARTER);
    expect((await run("check", "hello")).code).toBe(1);
    const started = await run("start", "more");
    expect(started.stdout).toContain("Starting from the model solution of basics/hello: your files did not pass its checks at the last check");
    expect(readFileSync(file("more"), "utf8")).toBe(SOLUTION);
  });
});
