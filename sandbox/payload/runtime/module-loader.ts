import { dirOf, joinPath } from "./paths";
import { LearnerCodeError } from "./locate";
import type { SourceLocation } from "./locate";

/** The part of sucrase's `transform` the loader uses (passed in, so sucrase stays its own file). */
export type Transform = (code: string, options: { transforms: ("typescript" | "imports" | "jsx")[]; filePath: string; production?: boolean; disableESTransforms?: boolean }) => { code: string };

/** What the host provides: file reading, the modules learner code may import, the TS transform. */
export interface RuntimeHost {
  /** Reads a payload-relative file; `undefined` when there is no such file. */
  readFile(path: string): string | undefined;
  /** Modules importable by name, e.g. { vial, zod, "vial/node" }; "grader" is added per run. */
  modules: Record<string, unknown>;
  transform: Transform;
}

interface ModuleRecord {
  exports: unknown;
}

const EXTENSIONS = ["", ".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", "/index.ts", "/index.js"];

/**
 * A tiny CommonJS loader: learner files are turned from TypeScript/ESM into CommonJS by sucrase
 * and evaluated with a `require` that knows the named modules and the payload's files. Line
 * numbers survive the transform, and each file is named by its path in stack traces.
 *
 * @example
 * const loader = createModuleLoader(host);
 * const { app } = loader.load("app.ts") as { app: unknown };
 */
export function createModuleLoader(host: RuntimeHost) {
  const cache = new Map<string, ModuleRecord>();
  const learnerFiles = new Set<string>();
  /** Stack-trace names that differ from the file read (the checks live in the payload folder). */
  const aliases = new Map<string, { name: string; dir: string }>();

  /** Where an import names a specifier (stack columns on line 1 are off: sucrase adds a prelude there). */
  function importSite(importer: string, specifier: string): SourceLocation {
    const source = sourceOf(importer) ?? "";
    const lines = source.split("\n");
    for (const [index, text] of lines.entries()) {
      const column = Math.max(text.indexOf(`"${specifier}"`), text.indexOf(`'${specifier}'`));
      if (column !== -1) return { file: importer, line: index + 1, column: column + 1 };
    }
    return { file: importer, line: 0, column: 0 };
  }

  function resolve(specifier: string, fromDir: string, importer: string): string {
    if (!specifier.startsWith("./") && !specifier.startsWith("../") && !specifier.startsWith("/")) {
      const known = Object.keys(host.modules).map((name) => `"${name}"`).join(", ");
      throw new LearnerCodeError(`Cannot import "${specifier}": the sandbox does not have it. Lesson code can import ${known} and its own files (like "./routes").`, importSite(importer, specifier));
    }
    const base = joinPath(fromDir, specifier);
    const candidates = EXTENSIONS.map((extension) => base + extension);
    if (/\.(m|c)?js$/.test(base)) candidates.push(base.replace(/\.(m|c)?js$/, ".ts"));
    for (const candidate of candidates) {
      if (cache.has(candidate) || host.readFile(candidate) !== undefined) return candidate;
    }
    throw new LearnerCodeError(`Cannot import "${specifier}": there is no file ${base}.ts (or .js).`, importSite(importer, specifier));
  }

  function evaluate(path: string, source: string, record: ModuleRecord, alias?: { name: string; dir: string }): void {
    const name = alias?.name ?? path;
    const dir = alias?.dir ?? dirOf(path);
    if (path.endsWith(".json")) {
      record.exports = JSON.parse(source);
      return;
    }
    // A file that is not code (a Dockerfile, a workflow's .yml): its text, for checks that review it.
    if (!/\.(tsx?|[mc]?js)$/.test(path)) {
      record.exports = { __esModule: true, default: source };
      return;
    }
    const transforms: ("typescript" | "imports" | "jsx")[] = /\.tsx?$/.test(path) ? ["typescript", "imports"] : ["imports"];
    if (path.endsWith(".tsx")) transforms.push("jsx");
    let code: string;
    try {
      code = host.transform(source, { transforms, filePath: name, production: true, disableESTransforms: true }).code;
    } catch (error) {
      const loc = (error as { loc?: { line: number; column: number } }).loc;
      const reason = (error instanceof Error ? error.message : String(error)).replace(/^Error transforming [^:]*: /, "").replace(/ \(\d+:\d+\)$/, "");
      throw new LearnerCodeError(`Syntax error: ${reason}`, loc ? { file: name, line: loc.line, column: loc.column } : { file: name, line: 1, column: 1 });
    }
    // The wrapper starts on the file's first line so line numbers in stack traces match the source.
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${code}\n})\n//# sourceURL=${name}`;
    let factory: (e: unknown, r: (s: string) => unknown, m: ModuleRecord, f: string, d: string) => void;
    try {
      factory = (0, eval)(wrapped);
    } catch (error) {
      // Code sucrase accepts but the engine rejects; the engine names no line for eval'd code.
      const message = error instanceof Error ? error.message : String(error);
      const topLevelAwait = /await is only valid/.test(message);
      throw new LearnerCodeError(
        topLevelAwait ? "Top-level `await` is not supported in lesson files: move it into a handler or an async function." : `Syntax error: ${message}`,
        { file: name, line: 0, column: 0 },
      );
    }
    const localRequire = (specifier: string) => requireFrom(specifier, dir, name);
    factory.call(record.exports, record.exports, localRequire, record, name, dir);
  }

  function requireFrom(specifier: string, fromDir: string, importer: string): unknown {
    if (Object.hasOwn(host.modules, specifier)) return host.modules[specifier];
    return load(resolve(specifier, fromDir, importer));
  }

  /** Loads a payload file (once; later calls return the cached exports, as CommonJS does). */
  function load(path: string, alias?: { name: string; dir: string }): unknown {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const source = host.readFile(path);
    if (source === undefined) throw new LearnerCodeError(`There is no file ${alias?.name ?? path}.`);
    const record: ModuleRecord = { exports: {} };
    cache.set(path, record);
    learnerFiles.add(alias?.name ?? path);
    if (alias) aliases.set(path, alias);
    try {
      evaluate(path, source, record, alias);
    } catch (error) {
      cache.delete(path);
      throw error;
    }
    return record.exports;
  }

  /** The source of a file by its stack-trace name, for code frames. */
  function sourceOf(name: string): string | undefined {
    for (const [path, alias] of aliases) if (alias.name === name) return host.readFile(path);
    return host.readFile(name);
  }

  return {
    load,
    /** Imports `specifier` as the file `importer` (a name for messages) in folder `fromDir` would. */
    require: (specifier: string, fromDir: string, importer: string) => requireFrom(specifier, fromDir, importer),
    sourceOf,
    /** True for the names learner files carry in stack traces. */
    isLearnerFile: (file: string) => learnerFiles.has(file),
  };
}

export type ModuleLoader = ReturnType<typeof createModuleLoader>;
