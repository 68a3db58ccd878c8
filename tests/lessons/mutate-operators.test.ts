import { describe, expect, it } from "vitest";
import { applyMutation, mutationsIn, type OperatorName } from "../../sandbox/course/mutate/operators";
import { changedLines } from "../../sandbox/course/mutate/changed-lines";
import { mutantsOf } from "../../sandbox/course/mutate/mutants";
import { parseEquivalent } from "../../sandbox/course/mutate/equivalent";
import { parseReport, renderReport } from "../../sandbox/course/mutate/report";

/** Every mutant `operator` makes of `source`, as whole mutated sources. */
function mutate(operator: OperatorName, source: string): string[] {
  return mutationsIn("app.ts", source).filter((mutation) => mutation.operator === operator).map((mutation) => applyMutation(source, mutation));
}

const VIAL = 'import { Vial, csrf, html, rateLimit, secureHeaders, verifyPassword, abort } from "vial";\nimport { z } from "zod";\n';

describe("the mutation operators", () => {
  it("remove-statement removes middleware, hooks and session calls, but not routes", () => {
    const source = `${VIAL}app.use(csrf());\napp.get("/", () => "hi");\napp.post("/out", (req) => { req.session.clear(); return "bye"; });\n`;
    expect(mutate("remove-statement", source)).toEqual([
      source.replace("app.use(csrf());", ";"),
      source.replace("req.session.clear();", ";"),
    ]);
  });

  it("remove-statement leaves an if without braces valid", () => {
    const [mutant] = mutate("remove-statement", "if (ok) req.session.set(\"a\", 1);\nnext();\n");
    expect(mutant).toBe("if (ok) ;\nnext();\n");
  });

  it("flip-boolean flips option flags but not flags in an answer", () => {
    const source = `${VIAL}const app = new Vial({ config: { SESSION_COOKIE_HTTPONLY: true } });\napp.get("/", () => ({ ok: true }));\n`;
    expect(mutate("flip-boolean", source)).toEqual([source.replace("HTTPONLY: true", "HTTPONLY: false")]);
  });

  it("weaken-samesite turns Lax and Strict into None", () => {
    expect(mutate("weaken-samesite", 'f({ sameSite: "Strict", SESSION_COOKIE_SAMESITE: "Lax", other: "Lax" });')).toEqual([
      'f({ sameSite: "None", SESSION_COOKIE_SAMESITE: "Lax", other: "Lax" });',
      'f({ sameSite: "Strict", SESSION_COOKIE_SAMESITE: "None", other: "Lax" });',
    ]);
  });

  it("drop-option drops one option of a vial import's argument at a time, nested ones included", () => {
    const source = `${VIAL}app.use(secureHeaders({ contentSecurityPolicy: { frameAncestors: ["'none'"] }, xFrameOptions: "DENY" }));\nother({ keep: 1 });\n`;
    expect(mutate("drop-option", source)).toEqual([
      source.replace(`contentSecurityPolicy: { frameAncestors: ["'none'"] }, `, ""),
      source.replace(`frameAncestors: ["'none'"]`, ""),
      source.replace(`xFrameOptions: "DENY"`, ""),
    ]);
  });

  it("drop-option also drops a header of a response tuple", () => {
    expect(mutate("drop-option", 'const f = () => ["x", 200, { "Retry-After": "1" }];')).toEqual(['const f = () => ["x", 200, {  }];']);
  });

  it("plain-template turns html`` into a plain template", () => {
    expect(mutate("plain-template", `${VIAL}const page = html\`<p>\${name}</p>\`;`)).toEqual([`${VIAL}const page = \`<p>\${name}</p>\`;`]);
  });

  it("loosen-schema drops each constraint of a zod chain and makes objects loose", () => {
    const source = "const S = z.object({ name: z.string().min(1).max(20), email: z.string().pipe(z.email()) });";
    expect(mutate("loosen-schema", source)).toEqual([
      "const S = z.looseObject({ name: z.string().min(1).max(20), email: z.string().pipe(z.email()) });",
      "const S = z.object({ name: z.string().max(20), email: z.string().pipe(z.email()) });",
      "const S = z.object({ name: z.string().min(1), email: z.string().pipe(z.email()) });",
      "const S = z.object({ name: z.string().min(1).max(20), email: z.string() });",
    ]);
  });

  it("loosen-schema leaves chains that are not zod alone", () => {
    expect(mutate("loosen-schema", 'const t = form.get("text")?.trim().slice(0, 5);')).toEqual([]);
  });

  it("skip-verify replaces an awaited password check with true", () => {
    expect(mutate("skip-verify", "const ok = await verifyPassword(hash, password);")).toEqual(["const ok = true;"]);
    expect(mutate("skip-verify", "if (await checkLogin(u, p)) go();")).toEqual(["if (true) go();"]);
  });

  it("remove-escape replaces escape(x) with x", () => {
    expect(mutate("remove-escape", "const safe = escapeHtml(name);")).toEqual(["const safe = (name);"]);
  });

  it("drop-guard disables an if that returns, throws or aborts, not one that goes on", () => {
    const source = "if (!book) return 404;\nif (bad) abort(400);\nif (x) count++;\n";
    expect(mutate("drop-guard", source)).toEqual([
      "if (false) return 404;\nif (bad) abort(400);\nif (x) count++;\n",
      "if (!book) return 404;\nif (false) abort(400);\nif (x) count++;\n",
    ]);
  });

  it("change-status answers 200 instead of a tuple's, abort()'s or redirect()'s status", () => {
    expect(mutate("change-status", 'f = () => [{ error: "x" }, 404]; abort(401); redirect("/", 303); g(1, 2);')).toEqual([
      'f = () => [{ error: "x" }, 200]; abort(401); redirect("/", 303); g(1, 2);',
      'f = () => [{ error: "x" }, 404]; abort(200); redirect("/", 303); g(1, 2);',
      'f = () => [{ error: "x" }, 404]; abort(401); redirect("/", 200); g(1, 2);',
    ]);
  });

  it("empty-body empties a handler's fixed text", () => {
    expect(mutate("empty-body", 'app.get("/", () => "Hello");')).toEqual(['app.get("/", () => "");']);
  });

  it("never proposes a mutant that does not parse", () => {
    const source = `${VIAL}export const app = new Vial({ config: { SECRET_KEY: "k", SESSION_COOKIE_SECURE: true } });\napp.use(csrf());\nconst S = z.object({ a: z.string().max(3) });\napp.post("/", async (req) => { if (!(await verifyPassword("h", "p"))) abort(401); return html\`<p>\${1}</p>\`; });\n`;
    for (const mutation of mutationsIn("app.ts", source)) {
      const mutated = applyMutation(source, mutation);
      expect(() => new Function(mutated.replace(/^import .*$/gm, "").replace(/^export /gm, "")), mutation.description).not.toThrow();
    }
  });
});

describe("mutants of a lesson", () => {
  it("come only from the lines the lesson wrote, with a diff and a stable id", () => {
    const starter = { "app.ts": `${VIAL}app.use(csrf());\n` };
    const solution = { "app.ts": `${VIAL}app.use(csrf());\napp.use(rateLimit({ max: 5 }));\n` };
    const mutants = mutantsOf({ starter, solution });
    expect(mutants.map((mutant) => mutant.id)).toEqual([
      "app.ts remove-statement: removes app.use(rateLimit({ max: 5 }));",
      "app.ts drop-option: drops the option max: 5",
    ]);
    expect(mutants[0]?.diff).toBe("--- a/app.ts\n+++ b/app.ts\n@@ -4,1 +4,1 @@\n-app.use(rateLimit({ max: 5 }));\n+;");
    expect(mutants[0]?.files["app.ts"]).toBe(`${VIAL}app.use(csrf());\n;\n`);
  });

  it("changedLines marks added and changed lines only", () => {
    expect([...changedLines("a\nb\nc", "a\nx\nb\nc\nd")]).toEqual([2, 5]);
    expect([...changedLines(undefined, "a\nb")]).toEqual([1, 2]);
  });

  it("equivalent marks and report rows parse back", () => {
    expect(parseEquivalent("# Equivalent\n\n- `app.ts drop-option: drops the option name: \"x\"`: only a label\n")).toEqual([
      { id: 'app.ts drop-option: drops the option name: "x"', reason: "only a label" },
    ]);
    expect(parseEquivalent("- `app.ts drop-guard: the guard if (`${a}`) never fires`: a reason: with a colon\n- `no reason`")).toEqual([
      { id: "app.ts drop-guard: the guard if (`${a}`) never fires", reason: "a reason: with a colon" },
      { id: "no reason", reason: "" },
    ]);
    const row = { id: "a/b", mutants: 10, killed: 9, survived: 1, equivalent: 0, ratio: 0.9, fingerprint: "abc123", survivors: ["app.ts x: `y`"] };
    expect(parseReport(renderReport([row])).get("a/b")).toEqual(row);
  });
});
