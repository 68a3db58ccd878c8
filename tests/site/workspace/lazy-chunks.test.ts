/**
 * The lesson page's workspace loads in pieces (issue 18): what its first chunk holds decides how
 * long the page is blocked after the prose. esbuild splits the workspace at its dynamic imports
 * the way the site's bundler does, and the first chunk must leave the heavy parts to later ones.
 */
import { build } from "esbuild";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
let eager: string[] = [];
let everything: string[] = [];
/** What loads with the editor's own chunk, before its language support. */
let editorFirst: string[] = [];

beforeAll(async () => {
  const result = await build({
    entryPoints: [join(root, "site/workspace/workspace.tsx")],
    bundle: true,
    splitting: true,
    format: "esm",
    outdir: "/virtual",
    write: false,
    metafile: true,
    jsx: "automatic",
    platform: "browser",
    conditions: ["vial-source"],
    external: ["react", "react-dom", "react/jsx-runtime"],
    loader: { ".css": "empty" },
    logLevel: "silent",
  });
  const outputs = Object.values(result.metafile.outputs);
  // The entry chunk and the chunks it imports statically (shared code esbuild split out).
  const byPath = result.metafile.outputs;
  // A chunk's inputs and those of the chunks it imports statically (shared code esbuild split out).
  const loadedWith = (start: string) => {
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const imported of byPath[path]?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
    };
    visit(start);
    return [...seen].flatMap((path) => Object.keys(byPath[path]?.inputs ?? {}));
  };
  // esbuild makes each dynamically imported module an entry of its own chunk.
  const chunkOf = (module: string) => Object.keys(byPath).find((path) => byPath[path]!.entryPoint?.endsWith(module)) ?? "";
  eager = loadedWith(chunkOf("site/workspace/workspace.tsx"));
  editorFirst = loadedWith(chunkOf("site/workspace/code-editor.tsx"));
  everything = outputs.flatMap((output) => Object.keys(output.inputs));
}, 60_000);

const holds = (inputs: string[], fragment: string) => inputs.some((input) => input.includes(fragment));

describe("the workspace's first chunk", () => {
  it("holds the workspace itself", () => {
    expect(holds(eager, "site/workspace/workspace.tsx")).toBe(true);
    expect(holds(eager, "site/workspace/checks-panel.tsx")).toBe(true);
  });

  it.each([
    ["CodeMirror (the editor comes in its own chunk)", "node_modules/@codemirror/view/"],
    ["the diff view (loaded when Compare is opened)", "node_modules/diff/"],
    ["xterm (loaded with a terminal)", "node_modules/@xterm/xterm/"],
    ["the WebContainer API (loaded when WebContainers are chosen)", "node_modules/@webcontainer/api/"],
    ["the WebContainer sandbox", "sandbox/engines/webcontainer/webcontainer-sandbox.ts"],
    ["the report's schemas (loaded with the first check)", "sandbox/report.ts"],
    ["the checks' report view (loaded with the first check)", "site/workspace/checks-report.tsx"],
    ["the HTTP exchange of a failed check (part of the report view)", "site/workspace/http-trace.tsx"],
    ["zod's schema builders (only its global setting comes first)", "node_modules/zod/v4/classic/"],
  ])("leaves %s to a later chunk", (_what, fragment) => {
    expect(holds(everything, fragment)).toBe(true);
    expect(holds(eager, fragment)).toBe(false);
  });

  it("has an editor that can be typed in before its language support (Lezer's grammar) arrives", () => {
    expect(holds(editorFirst, "node_modules/@codemirror/view/")).toBe(true);
    expect(holds(everything, "node_modules/@lezer/javascript/")).toBe(true);
    expect(holds(editorFirst, "node_modules/@lezer/javascript/")).toBe(false);
    expect(holds(editorFirst, "node_modules/@codemirror/autocomplete/")).toBe(false);
  });

  it.each([
    ["the undo history and default keys", "node_modules/@codemirror/commands/"],
    ["the language framework (syntax colours)", "node_modules/@codemirror/language/"],
    ["Lezer's syntax trees", "node_modules/@lezer/common/"],
  ])("has an editor whose first chunk is only CodeMirror's view: %s come a task later", (_what, fragment) => {
    expect(holds(everything, fragment)).toBe(true);
    expect(holds(editorFirst, fragment)).toBe(false);
  });

  it.each([
    ["the grader", "sandbox/grader/"],
    ["the grader's CSP evaluator", "node_modules/csp_evaluator/"],
    ["the grader's HTML parser", "node_modules/parse5/"],
  ])("never brings in %s, which runs in the sandbox", (_what, fragment) => {
    expect(holds(everything.filter((input) => !input.endsWith("sandbox/grader/cookie-jar.ts")), fragment)).toBe(false);
  });
});
