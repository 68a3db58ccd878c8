// Compiles handler code against the real types, so "a wrong field name does not compile" is
// proven by a unit test that can fail, not only by `tsc` over types.test.ts.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../..");

const PRELUDE = `
import { z } from "zod";
import { Vial } from "vial";
const app = new Vial();
const Item = z.object({ name: z.string(), price: z.number() });
`;

const snippets = {
  valid: `app.post("/items/<int:id>", { body: Item, query: z.object({ page: z.coerce.number() }) },
    (req) => ({ id: req.params.id + 1, name: req.body.name.toUpperCase(), next: req.query.page + 1 }));`,
  wrongBodyField: `app.post("/items", { body: Item }, (req) => req.body.nmae);`,
  wrongQueryField: `app.get("/items", { query: z.object({ page: z.coerce.number() }) }, (req) => req.query.pgae);`,
  wrongType: `app.post("/items", { body: Item }, (req) => { const label: string = req.body.price; return label; });`,
  noSchemaNoBody: `app.post("/items", (req) => req.body);`,
  wrongParam: `app.get("/items/<int:id>", { body: Item }, (req) => req.params.ident);`,
};

function compile(): Map<string, string[]> {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const files = new Map(Object.entries(snippets).map(([name, code]) => [join(here, `.virtual-${name}.ts`), `${PRELUDE}${code}\nexport {};\n`]));
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists, getSourceFile } = { readFile: host.readFile.bind(host), fileExists: host.fileExists.bind(host), getSourceFile: host.getSourceFile.bind(host) };
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.getSourceFile = (name, language) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const errors = new Map<string, string[]>(Object.keys(snippets).map((name) => [name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const name = diagnostic.file?.fileName.match(/\.virtual-(\w+)\.ts$/)?.[1];
    if (name) errors.get(name)!.push(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
  }
  return errors;
}

describe("handler types from route schemas", () => {
  let errors = new Map<string, string[]>();
  beforeAll(() => {
    errors = compile();
  }, 120_000);

  it("compile correct code", () => {
    expect(errors.get("valid")).toEqual([]);
  });

  it("reject a wrong field name in body, query and params", () => {
    expect(errors.get("wrongBodyField")).toEqual([expect.stringContaining("Property 'nmae' does not exist")]);
    expect(errors.get("wrongQueryField")).toEqual([expect.stringContaining("Property 'pgae' does not exist")]);
    expect(errors.get("wrongParam")).toEqual([expect.stringContaining("Property 'ident' does not exist")]);
  });

  it("reject a field used as the wrong type, and a body that was never declared", () => {
    expect(errors.get("wrongType")).toEqual([expect.stringContaining("Type 'number' is not assignable to type 'string'")]);
    expect(errors.get("noSchemaNoBody")).toEqual([expect.stringContaining("Property 'body' does not exist")]);
  });
});
