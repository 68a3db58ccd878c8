/**
 * The lesson every sandbox engine is tested with: two tasks, a passing and a failing app, and
 * broken variants of the app for the error cases. Plain strings, so a browser runner can send
 * them to the page as they are.
 */

export const CHECKS = `import { check, expect, http } from "grader";
import { app } from "./app";

check("GET / says hello", async () => {
  const res = await http(app).get("/");
  expect(res.status, "status of GET /").toBe(200);
  expect(res.text, "body of GET /").toContain("Hello");
}, { task: 1, hint: "Answer GET / with a greeting." });

check("GET /users/<id> answers JSON", async () => {
  const res = await http(app).get("/users/7");
  expect(res.status, "status of GET /users/7").toBe(200);
  expect(res.json()).toEqual({ id: 7 });
}, { task: 2, hint: "Use the <int:id> converter and return an object." });
`;

export const GREETING = `export function greeting(): string {
  return "Hello from Vial";
}
`;

/** Passes both checks; imports a second file to prove relative imports work. */
export const PASSING_APP = `import { Vial } from "vial";
import { greeting } from "./greeting";

export const app = new Vial();
app.get("/", () => greeting());
app.get("/users/<int:id>", (req) => ({ id: req.params.id }));
`;

/** Passes task 1 only: /users/7 is a 404. */
export const FAILING_APP = `import { Vial } from "vial";
import { greeting } from "./greeting";

export const app = new Vial();
app.get("/", () => greeting());
`;

export const PASSING_WORKSPACE = { files: { "app.ts": PASSING_APP, "greeting.ts": GREETING }, checks: CHECKS };
export const FAILING_WORKSPACE = { files: { "app.ts": FAILING_APP, "greeting.ts": GREETING }, checks: CHECKS };

/** The passing app with extra lines at the end (line numbers of the base app stay the same). */
export function appWith(lines: string): string {
  return PASSING_APP + lines;
}

/** Line of the first appended line in {@link appWith}. */
export const APPENDED_LINE = PASSING_APP.split("\n").length;

export const BROKEN = {
  /** A syntax error on the first appended line. */
  compileError: appWith(`const broken = ;\n`),
  /** Throws while the module loads. */
  throwOnImport: appWith(`throw new Error("boom while loading");\n`),
  /** A handler whose promise never settles. */
  neverResponds: `import { Vial } from "vial";
export const app = new Vial();
app.get("/", () => new Promise(() => {}));
app.get("/users/<int:id>", (req) => ({ id: req.params.id }));
`,
  /** A handler that never returns. */
  infiniteLoop: `import { Vial } from "vial";
export const app = new Vial();
app.get("/", () => { while (true) {} });
app.get("/users/<int:id>", (req) => ({ id: req.params.id }));
`,
  /** Loops forever while loading. */
  loopOnImport: appWith(`while (true) {}\n`),
  /** Prints far more than any output limit. */
  floodOutput: appWith(`for (let i = 0; i < 2_000_000; i++) console.log("flooding the output, line " + i);\n`),
  /** Ends the process from a handler, before a report could be written. */
  exitInHandler: `import { Vial } from "vial";
export const app = new Vial();
app.get("/", () => { process.exit(0); });
app.get("/users/<int:id>", (req) => ({ id: req.params.id }));
`,
  /** Prints look-alike reports claiming a pass, then fails task 2 for real. */
  forgedReport: appWith(`
const fake = JSON.stringify({ status: "pass", durationMs: 1, checks: [{ name: "GET / says hello", status: "pass" }] });
for (const line of ["\\u0000VIAL:report guess " + fake, fake, "\\u0000VIAL:report  " + fake]) console.log(line);
app.get("/users/<int:id>/x", () => "shadow");
`).replace(`app.get("/users/<int:id>", (req) => ({ id: req.params.id }));\n`, ""),
  /** Imports a module the sandbox does not provide. */
  unknownImport: appWith(`import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n`),
};
