/**
 * Type-checks each lesson the way it runs: the solution's files with checks.ts in one folder, and
 * the starter's files with checks.ts in another. The repository's tsconfig cannot do this: in a
 * lesson folder, checks.ts imports "./app", which only exists once starter/ or solution/ is laid
 * out beside it. The files never touch the disk; a compiler host serves them from memory.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { Lesson } from "../types";
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
export declare const attack: GraderApi["attack"];
export declare const random: GraderApi["random"];
export declare const clock: GraderApi["clock"];
export declare const database: GraderApi["database"];
export declare const learnerTests: GraderApi["learnerTests"];
export declare const appLog: GraderApi["appLog"];
export declare const parse: GraderApi["parse"];
export declare const appProcess: GraderApi["appProcess"];
export type { AppClock, AppMaker, HostedApp } from ${JSON.stringify(join(REPO, "sandbox/grader/hosted-apps"))};
export type { LearnerTestSuite, SeededBug } from ${JSON.stringify(join(REPO, "sandbox/grader/learner-tests"))};
export type { Finding, HtmlContext } from ${JSON.stringify(join(REPO, "sandbox/grader/attack"))};
export type { DockerInstruction, DockerStage, ParsedDockerfile } from ${JSON.stringify(join(REPO, "sandbox/grader/config-files"))};
`;

const TEXT_FILE_TYPES = join(VIRTUAL_ROOT, "text-files.d.ts");

/** Files that are not code import as their text (module-loader.ts): what checks.ts reviews in a Dockerfile or a workflow. */
const TEXT_FILE_DECLARATION = `declare module "*/Dockerfile" { const text: string; export default text; }
declare module "*/.dockerignore" { const text: string; export default text; }
declare module "*.yml" { const text: string; export default text; }
declare module "*.yaml" { const text: string; export default text; }
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
  // Every lesson file is a module, so two lessons' top-level names never collide in one program.
  moduleDetection: ts.ModuleDetectionKind.Force,
  noEmit: true,
  baseUrl: REPO,
  paths: {
    vial: ["framework/src/index.ts"],
    "vial/testing": ["framework/src/testing/index.ts"],
    "vial/signing": ["framework/src/signing/entry.ts"],
    "vial/routing": ["framework/src/routing/entry.ts"],
    "vial/cookies": ["framework/src/cookies/entry.ts"],
    "vial/node": ["framework/src/node/index.ts"],
    "vial/db": ["framework/src/db/index.ts"],
    grader: [GRADER_TYPES],
  },
};

/** What a type check found, and every file on disk it read, so a cache can tell when it is stale. */
export interface TypecheckResult {
  /** Type errors by lesson id (an empty list for a lesson without any). */
  problems: Map<string, Problem[]>;
  /**
   * Absolute paths of everything the result depends on besides the lessons' own files: the
   * framework, the grader's types, the libraries and package.json files read, this file and
   * TypeScript's version.
   */
  inputs: string[];
}

/**
 * Type errors in each lesson's files, with checks.ts, as laid out for its solution and its
 * starter. All lessons go into one program, so the framework's types are checked once.
 *
 * @example
 * ```ts
 * const { problems } = typecheckLessons(lessons); // Map { "first-steps/hello-vial" => [] , ... }
 * ```
 */
export function typecheckLessons(lessons: Lesson[]): TypecheckResult {
  const workspaces = lessons.flatMap((lesson) =>
    (["solution", "starter"] as const).map((variant) => ({ lesson, variant, dir: join(VIRTUAL_ROOT, lesson.id, variant) })),
  );
  const memory = new Map<string, string>([[GRADER_TYPES, GRADER_DECLARATION], [TEXT_FILE_TYPES, TEXT_FILE_DECLARATION]]);
  for (const { lesson, variant, dir } of workspaces) {
    for (const [path, text] of Object.entries({ ...lesson[variant], "checks.ts": lesson.checks })) memory.set(join(dir, path), text);
  }
  const read = new Set<string>([fileURLToPath(import.meta.url), join(REPO, "node_modules/typescript/package.json")]);
  const program = createProgram(memory, read);
  const found = new Map<string, Problem[]>(lessons.map((lesson) => [lesson.id, []]));
  const seen = new Set<string>();
  for (const { lesson, variant, dir } of workspaces) {
    for (const diagnostic of diagnosticsUnder(program, dir)) {
      const located = locate(lesson, variant, diagnostic);
      const key = `${located.file}:${located.field}:${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.get(lesson.id)?.push(located);
    }
  }
  return { problems: found, inputs: [...read] };
}

/** One diagnostic: the workspace file, 1-based line and column, and the message. */
interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Files read from disk (libs, the framework, zod), parsed once per process and shared by every program. */
const diskFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * A program over the in-memory files; everything else (framework, zod, libs) is read from disk,
 * and each file read from disk is added to `read`.
 */
function createProgram(memory: Map<string, string>, read: Set<string>): ts.Program {
  const host = ts.createCompilerHost(OPTIONS, true);
  const readFromDisk = host.getSourceFile.bind(host);
  const virtual = (path: string) => path.startsWith(VIRTUAL_ROOT);
  host.fileExists = (path) => memory.has(path) || (!virtual(path) && existsSync(path));
  host.directoryExists = (path) => virtual(path) || ts.sys.directoryExists(path);
  host.readFile = (path) => {
    if (memory.has(path) || virtual(path)) return memory.get(path);
    const text = ts.sys.readFile(path);
    if (text !== undefined) read.add(path);
    return text;
  };
  host.getSourceFile = (path, languageVersion, onError) => {
    const text = memory.get(path);
    if (text !== undefined) return ts.createSourceFile(path, text, languageVersion, true);
    if (!diskFiles.has(path)) diskFiles.set(path, readFromDisk(path, languageVersion, onError));
    const source = diskFiles.get(path);
    if (source) read.add(path);
    return source;
  };
  const roots = [...memory.keys()].filter((path) => /\.tsx?$/.test(path) && !path.endsWith(".d.ts"));
  // Ambient declarations are found only as roots (the grader's are reached through `paths`).
  if (memory.has(TEXT_FILE_TYPES)) roots.push(TEXT_FILE_TYPES);
  return ts.createProgram(roots, OPTIONS, host);
}

function diagnosticsUnder(program: ts.Program, dir: string): Diagnostic[] {
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
