/**
 * Type-checks each lesson the way it runs: the solution's files with checks.ts in one folder, and
 * the starter's files with checks.ts in another. The repository's tsconfig cannot do this: in a
 * lesson folder, checks.ts imports "./app", which only exists once starter/ or solution/ is laid
 * out beside it. The files never touch the disk; a compiler host serves them from memory.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import type { Files, Lesson } from "../types";
import { problem, type Problem } from "./problem";

const REPO = resolve(import.meta.dirname, "../../..");
const VIRTUAL_ROOT = join(REPO, ".lesson-typecheck");
const GRADER_TYPES = join(VIRTUAL_ROOT, "grader.d.ts");

/**
 * The `grader` module as checks.ts sees it, derived from the grader's own API type so the two
 * cannot drift apart.
 */
const GRADER_DECLARATION = `import type { GraderApi } from ${JSON.stringify(join(REPO, "sandbox/grader/grader"))};
export declare const check: GraderApi["check"];
export declare const expect: GraderApi["expect"];
export declare const http: GraderApi["http"];
`;

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Learner code also runs in a browser Worker: web-standard globals only, no Node types.
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  allowImportingTsExtensions: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  baseUrl: REPO,
  paths: { vial: ["framework/src/index.ts"], grader: [GRADER_TYPES] },
};

/** Source files read from disk, shared by every program of a run (the framework is parsed once). */
const diskCache = new Map<string, ts.SourceFile>();

/**
 * Type errors in the lesson's files, with checks.ts, as laid out for its solution and its starter.
 *
 * @example
 * ```ts
 * const found = typecheckLesson(lesson); // [] when both type-check
 * ```
 */
export function typecheckLesson(lesson: Lesson): Problem[] {
  const found: Problem[] = [];
  const seen = new Set<string>();
  for (const variant of ["solution", "starter"] as const) {
    for (const diagnostic of typecheckFiles({ ...lesson[variant], "checks.ts": lesson.checks }, `${lesson.id}/${variant}`)) {
      const located = locate(lesson, variant, diagnostic);
      const key = `${located.file}:${located.field}:${located.message}`;
      if (!seen.has(key)) found.push(located);
      seen.add(key);
    }
  }
  return found;
}

/** One diagnostic: the workspace file, 1-based line and column, and the message. */
interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

function typecheckFiles(files: Files, name: string): Diagnostic[] {
  const dir = join(VIRTUAL_ROOT, name);
  const memory = new Map<string, string>(Object.entries(files).map(([path, text]) => [join(dir, path), text]));
  memory.set(GRADER_TYPES, GRADER_DECLARATION);
  const host = ts.createCompilerHost(OPTIONS, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.fileExists = (path) => memory.has(path) || (!path.startsWith(VIRTUAL_ROOT) && existsSync(path));
  host.directoryExists = (path) => path.startsWith(VIRTUAL_ROOT) || ts.sys.directoryExists(path);
  host.readFile = (path) => memory.get(path) ?? (path.startsWith(VIRTUAL_ROOT) ? undefined : ts.sys.readFile(path));
  host.getSourceFile = (path, languageVersion, onError) => {
    const text = memory.get(path);
    if (text !== undefined) return ts.createSourceFile(path, text, languageVersion, true);
    const cached = diskCache.get(path);
    if (cached) return cached;
    const file = readFromDisk(path, languageVersion, onError);
    if (file) diskCache.set(path, file);
    return file;
  };
  const roots = Object.keys(files).filter((path) => /\.(ts|tsx)$/.test(path)).map((path) => join(dir, path));
  const program = ts.createProgram(roots, OPTIONS, host);
  const diagnostics: Diagnostic[] = [];
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(dir + "/")) continue;
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const start = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      diagnostics.push({
        file: source.fileName.slice(dir.length + 1),
        line: start.line + 1,
        column: start.character + 1,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
      });
    }
  }
  return diagnostics;
}

/** Names the real file a workspace file came from: the lesson's own folder, or the lesson it inherits from. */
function locate(lesson: Lesson, variant: "solution" | "starter", diagnostic: Diagnostic): Problem {
  const where = `line ${diagnostic.line}:${diagnostic.column}`;
  const message = `type error (as laid out for the ${variant}): ${diagnostic.message}`;
  if (diagnostic.file === "checks.ts") return problem(join(lesson.dir, "checks.ts"), where, message);
  const candidates = variant === "solution" ? ["solution", "starter"] : ["starter"];
  for (const folder of candidates) {
    const path = join(lesson.dir, folder, diagnostic.file);
    if (existsSync(path)) return problem(path, where, message);
  }
  return problem(join(lesson.dir, "starter", diagnostic.file), where, `${message} (the file comes from the previous lesson's solution)`);
}
