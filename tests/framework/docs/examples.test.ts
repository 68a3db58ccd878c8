// Every public export of `vial` and its subpaths (`vial/node`, `vial/testing`, ...) has TSDoc with an @example, and every example
// type-checks against the real API (issues 2 and 4: "examples that compile").
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const entries = {
  vial: join(root, "framework/src/index.ts"),
  "vial/node": join(root, "framework/src/node/index.ts"),
  "vial/redis": join(root, "framework/src/redis/index.ts"),
  "vial/testing": join(root, "framework/src/testing/index.ts"),
  "vial/signing": join(root, "framework/src/signing/entry.ts"),
  "vial/routing": join(root, "framework/src/routing/entry.ts"),
  "vial/cookies": join(root, "framework/src/cookies/entry.ts"),
};

interface Example {
  entry: string;
  exportName: string;
  code: string;
}

/** Every export of each entry, split into values and types, so inline examples can use them all. */
const exported = new Map<string, { values: Set<string>; types: Set<string> }>();

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(root, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

function collect(): { missing: string[]; examples: Example[] } {
  const program = ts.createProgram(Object.values(entries), compilerOptions());
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  const examples: Example[] = [];
  for (const [entry, file] of Object.entries(entries)) {
    const source = program.getSourceFile(file)!;
    const moduleSymbol = checker.getSymbolAtLocation(source)!;
    for (const exportedSymbol of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exportedSymbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exportedSymbol) : exportedSymbol;
      if (!exported.has(entry)) exported.set(entry, { values: new Set(), types: new Set() });
      const names = exported.get(entry)!;
      (symbol.flags & ts.SymbolFlags.Value ? names.values : names.types).add(exportedSymbol.name);
      const tags = symbol.getJsDocTags(checker).filter((tag) => tag.name === "example");
      if (tags.length === 0) {
        missing.push(`${entry}: ${exportedSymbol.name}`);
        continue;
      }
      for (const tag of tags) {
        examples.push({ entry, exportName: exportedSymbol.name, code: exampleCode(ts.displayPartsToString(tag.text)) });
      }
    }
  }
  return { missing, examples };
}

/** A fenced ```ts block as is; an inline `code` example gets a prelude with every export in scope. */
function exampleCode(text: string): string {
  const fenced = /```(?:ts|typescript)?\n([\s\S]*?)```/.exec(text);
  if (fenced) return fenced[1]!;
  const inline = /`([^`]+)`/.exec(text);
  return inline ? inline[1]! : text;
}

/** Inline examples see every export of `vial` and of their own entry. */
function prelude(entry: string): string {
  const imports = [...new Set(["vial", entry])].flatMap((specifier) => {
    const { values, types } = exported.get(specifier)!;
    return [
      ...(values.size ? [`import { ${[...values].join(", ")} } from "${specifier}";`] : []),
      ...(types.size ? [`import type { ${[...types].join(", ")} } from "${specifier}";`] : []),
    ];
  });
  return [
    ...imports,
    `declare const app: Vial;`,
    `declare const req: VialRequest;`,
    `import type { TestClient } from "vial/testing";`,
    `declare const client: TestClient;`,
  ].join("\n");
}

function typeCheck(examples: Example[]): string[] {
  const files = new Map<string, string>();
  examples.forEach((example, index) => {
    const name = join(root, `framework/.examples/${index}-${example.exportName}.ts`);
    const standalone = /^\s*import\s/m.test(example.code);
    files.set(name, `${standalone ? "" : prelude(example.entry) + "\n"}${example.code}\nexport {};\n`);
  });
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => {
    const text = files.get(name);
    return text !== undefined ? ts.createSourceFile(name, text, language) : getSourceFile(name, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const problems: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const fileName = diagnostic.file?.fileName;
    if (!fileName || !files.has(fileName)) continue;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const example = examples[Number(fileName.split("/").pop()!.split("-")[0])]!;
    problems.push(`${example.entry} ${example.exportName}: ${message}\n${example.code}`);
  }
  return problems;
}

describe("public API docs", () => {
  const { missing, examples } = collect();

  it("has an @example on every export", () => {
    expect(missing).toEqual([]);
  });

  it("has examples that type-check", () => {
    expect(examples.length).toBeGreaterThan(30);
    expect(typeCheck(examples)).toEqual([]);
  }, 120_000);
});
