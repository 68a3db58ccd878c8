/**
 * `parse` for checks that review files a learner writes but the sandbox cannot run (a
 * Dockerfile, a CI workflow), as a reviewer reads them: each file through a real parser, so a
 * check asks about an instruction, a stage or a key instead of matching text, which a comment, a
 * line continuation or a reordered key would fool. Plain data out, nothing of the parsers'.
 *
 * Both parsers are pure JavaScript, so they run in every engine, the browser Worker included.
 * This file is the entry of `.vial/config-parsers.mjs`, a bundle loaded only for checks that use
 * `parse` (config-parsers.ts); the grader runtime itself does not carry them.
 */
import { Arg, DockerfileParser, Env, Label, ModifiableInstruction, type Instruction } from "dockerfile-ast";
import { Util } from "dockerfile-ast/lib/util";
import { parseDocument } from "yaml";

// dockerfile-ast looks for a byte-order mark with Node's Buffer, which a browser Worker (the
// worker engine's grader) does not have. Decoded text holds a BOM as the one character U+FEFF.
Util.isUTF8BOM = (char: string) => char === "\uFEFF";

/** One instruction of a Dockerfile. */
export interface DockerInstruction {
  /** Upper case: `RUN`, `COPY`, `ENV`, ... */
  keyword: string;
  /** The arguments after the flags, as the builder splits them (quotes kept, line continuations joined). */
  args: string[];
  /** Everything after the keyword, line continuations joined: a RUN's whole command. */
  content: string;
  /** Flags by name without dashes: `COPY --from=build` gives `{ from: "build" }` (null for a flag without a value). */
  flags: Record<string, string | null>;
  /** `ENV`, `ARG` and `LABEL` names and values, unquoted as the builder does (null for `ARG NAME` without a default). */
  properties: { name: string; value: string | null }[];
  /** 1-based line where it starts. */
  line: number;
}

/** One build stage: a `FROM` and the instructions up to the next one. */
export interface DockerStage {
  /** The image it starts from, as written (`node:22-slim`, or an earlier stage's name). */
  image: string;
  /** Its name from `FROM image AS name`, lower-cased (stage names are case-insensitive), if any. */
  name: string | undefined;
  /** The instructions after its `FROM`, in order (the `FROM` itself not included). */
  instructions: DockerInstruction[];
  line: number;
}

export interface ParsedDockerfile {
  /** Instructions before the first `FROM` (global `ARG`s). */
  preamble: DockerInstruction[];
  /** The stages in order; the last one is the image that gets shipped. */
  stages: DockerStage[];
}

export interface ConfigParsers {
  /** A Dockerfile's stages and instructions, parsed by `dockerfile-ast` (the parser of VS Code's Docker support). */
  dockerfile(text: string): ParsedDockerfile;
  /** A YAML document (a CI workflow) as plain data, by `yaml` in YAML 1.2 (`on:` stays a key); throws a readable error on a syntax error. */
  yaml(text: string): unknown;
}

/** A value as the builder reads it: quotes removed ("a b" and 'a b' are a b), backslash escapes applied outside single quotes. */
function unquote(value: string): string {
  let out = "";
  let quote: string | undefined;
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (quote === undefined && (char === '"' || char === "'")) quote = char;
    else if (char === quote) quote = undefined;
    else if (char === "\\" && quote !== "'" && index + 1 < value.length) out += value[++index];
    else out += char;
  }
  return out;
}

function propertiesOf(instruction: Instruction): DockerInstruction["properties"] {
  const properties = instruction instanceof Env || instruction instanceof Label ? instruction.getProperties()
    : instruction instanceof Arg ? [instruction.getProperty()].filter((property) => property !== null)
      : [];
  return properties.map((property) => {
    const value = property.getValue();
    return { name: property.getName(), value: value === null ? null : unquote(value) };
  });
}

function toData(instruction: Instruction): DockerInstruction {
  const flags: Record<string, string | null> = {};
  if (instruction instanceof ModifiableInstruction) {
    for (const flag of instruction.getFlags()) flags[flag.getName().toLowerCase()] = flag.getValue();
  }
  return {
    keyword: instruction.getKeyword().toUpperCase(),
    args: instruction.getArguments().map((argument) => argument.getValue()),
    content: instruction.getArgumentsContent() ?? "",
    flags,
    properties: propertiesOf(instruction),
    line: instruction.getRange().start.line + 1,
  };
}

function parseDockerfile(text: string): ParsedDockerfile {
  if (typeof text !== "string") throw new TypeError(`parse.dockerfile needs the file's text, got ${typeof text}`);
  const preamble: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const data = toData(instruction);
    if (data.keyword === "FROM") {
      // FROM [--platform=...] image [AS name]
      const [image = "", as, name] = data.args;
      stages.push({ image, name: as?.toUpperCase() === "AS" && name ? name.toLowerCase() : undefined, instructions: [], line: data.line });
    } else {
      (stages.at(-1)?.instructions ?? preamble).push(data);
    }
  }
  return { preamble, stages };
}

function parseYaml(text: string): unknown {
  if (typeof text !== "string") throw new TypeError(`parse.yaml needs the file's text, got ${typeof text}`);
  const document = parseDocument(text, { version: "1.2", prettyErrors: true });
  const [error] = document.errors;
  if (error) throw new Error(`The YAML does not parse: ${error.message.split("\n")[0]}`);
  return document.toJS({ maxAliasCount: 100 });
}

/** The parsers checks.ts gets as `parse` from "grader". */
export const parse: ConfigParsers = Object.freeze({ dockerfile: parseDockerfile, yaml: parseYaml });
