import { check, expect, parse, type DockerInstruction, type DockerStage } from "grader";
import dockerfileText from "./Dockerfile";
import dockerignoreText from "./.dockerignore";
import workflowText from "./.github/workflows/ci.yml";

// Nothing here builds an image or runs a workflow (there is no Docker in the sandbox): the
// checks read the files as a reviewer would, through real parsers, and judge what they say.

const dockerfile = parse.dockerfile(dockerfileText);

/** Names of settings that hold secrets; a `*_FILE` setting names a file instead, which is the way to pass one. */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH)(?!.*_FILE$)/i;
/** A URL with a password in it: `postgres://user:password@host/db`. */
const URL_WITH_PASSWORD = /:\/\/[^/\s:@]+:[^/\s@]+@/;

/** What the stage runs with: its own instructions after those of the stage it is built `FROM`, if that is an earlier stage. */
function effectiveInstructions(stage: DockerStage, seen = new Set<DockerStage>()): DockerInstruction[] {
  seen.add(stage);
  const base = dockerfile.stages.find((other) => other.name !== undefined && other.name === stage.image.toLowerCase() && !seen.has(other));
  return [...(base ? effectiveInstructions(base, seen) : []), ...stage.instructions];
}

/** The stage that is shipped: the last one. */
function finalStage(): DockerStage {
  const stage = dockerfile.stages.at(-1);
  expect(stage, "the Dockerfile's stages (a FROM line starts each)").toBeDefined();
  return stage as DockerStage;
}

function where(instruction: DockerInstruction): string {
  return `line ${instruction.line}: ${instruction.keyword} ${instruction.content}`.slice(0, 160);
}

/** The earlier stage a `COPY --from=` names (by name or number), if any. */
function stageNamed(reference: string | null | undefined): DockerStage | undefined {
  if (!reference) return undefined;
  const index = /^\d+$/.test(reference) ? Number(reference) : -1;
  return dockerfile.stages.find((stage, position) => position === index || stage.name === reference.toLowerCase());
}

/** An npm command that installs dependencies; with `--omit=dev` (or `--production`) it leaves the dev ones out. */
const NPM_INSTALL = /\bnpm\s+(ci|install|i|add|clean-install)\b/;
const OMITS_DEV = /--omit[= ]dev\b|--production\b|--only[= ]prod(uction)?\b/;

/** Why the node_modules the stage has (installed in it, or copied from an earlier stage) hold dev dependencies, or undefined when they do not. */
function devDependenciesIn(stage: DockerStage, depth = 0): string | undefined {
  const instructions = effectiveInstructions(stage);
  let verdict: string | undefined = "no dependencies are installed in it, nor copied into it";
  for (const instruction of instructions) {
    if (instruction.keyword === "RUN") {
      for (const command of instruction.content.split(/&&|;|\|\|/)) {
        if (/\bnpm\s+prune\b/.test(command)) verdict = OMITS_DEV.test(command) ? undefined : `${where(instruction)} prunes without --omit=dev`;
        else if (NPM_INSTALL.test(command)) verdict = OMITS_DEV.test(command) ? undefined : `${where(instruction)} installs the dev dependencies too (no --omit=dev)`;
      }
    }
    if (instruction.keyword === "COPY" && instruction.args.some((arg) => /node_modules\/?$/.test(arg))) {
      const from = stageNamed(instruction.flags.from);
      const theirs = from && depth < 5 ? devDependenciesIn(from, depth + 1) : "they come from outside the build";
      verdict = theirs === undefined ? undefined : `${where(instruction)} copies node_modules in which ${theirs}`;
    }
  }
  return verdict;
}

/** The command a CMD or ENTRYPOINT in exec form runs, or undefined for the shell form. */
function execForm(instruction: DockerInstruction): string[] | undefined {
  const text = instruction.content.trim();
  if (!text.startsWith("[")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Does a .dockerignore pattern keep `path` out of the build context? (Go's filepath.Match, plus `**`, as Docker reads them.) */
function ignores(pattern: string, path: string): boolean {
  const clean = pattern.trim().replace(/^\/+/, "").replace(/\/+$/, "");
  if (!clean || clean.startsWith("#") || clean.startsWith("!")) return false;
  const regex = clean.split("/").map((part) => (part === "**" ? ".*" : part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^/]*").replaceAll("?", "[^/]"))).join("/");
  // A pattern that names a folder keeps everything in it out too.
  return new RegExp(`^${regex}(/.*)?$`).test(path);
}

function ignored(path: string): boolean {
  const lines = dockerignoreText.split(/\r?\n/);
  let out = false;
  for (const line of lines) {
    if (line.trim().startsWith("!")) {
      if (ignores(line.trim().slice(1), path)) out = false;
    } else if (ignores(line, path)) out = true;
  }
  return out;
}

check("The image is built in stages, and the stage that ships copies the build's output from an earlier one", () => {
  expect(dockerfile.stages.length, "how many stages the Dockerfile has (FROM lines): the build's tools and sources stay in an earlier stage").toBeGreaterThan(1);
  const copies = finalStage().instructions.filter((instruction) => instruction.keyword === "COPY" && stageNamed(instruction.flags.from) !== undefined);
  expect(copies.length, "COPY --from=<earlier stage> lines in the last stage").toBeGreaterThan(0);
}, { task: 1 });

check("The image that runs has production dependencies only", () => {
  expect(devDependenciesIn(finalStage()), "what the last stage's node_modules hold").toBeUndefined();
}, { task: 1 });

check("The image runs with NODE_ENV=production, as a user that is not root", () => {
  const instructions = effectiveInstructions(finalStage());
  const nodeEnv = instructions.flatMap((instruction) => (instruction.keyword === "ENV" ? instruction.properties : [])).filter((property) => property.name === "NODE_ENV").at(-1);
  expect(nodeEnv?.value, "NODE_ENV set with ENV in the last stage").toBe("production");
  const user = instructions.filter((instruction) => instruction.keyword === "USER").at(-1);
  expect(user?.content, "the last USER of the last stage (without one, the container runs as root)").toBeDefined();
  const name = (user?.args[0] ?? "").split(":")[0];
  expect(["root", "0"].includes(name ?? ""), `the user the container runs as (${user ? where(user) : "none"})`).toBe(false);
}, { task: 1 });

check("No ENV or ARG holds a secret, in any stage", () => {
  const found: string[] = [];
  for (const instruction of [...dockerfile.preamble, ...dockerfile.stages.flatMap((stage) => stage.instructions)]) {
    if (instruction.keyword !== "ENV" && instruction.keyword !== "ARG") continue;
    for (const { name, value } of instruction.properties) {
      // An ARG is kept in the image's history with the value it was built with, even without a default.
      if (SECRET_NAME.test(name)) found.push(`${where(instruction)}: ${name} looks like a secret`);
      else if (value && URL_WITH_PASSWORD.test(value)) found.push(`${where(instruction)}: ${name} holds a URL with a password`);
    }
  }
  expect(found, "ENV and ARG lines that bake a secret into the image (pass secrets at run time, or with RUN --mount=type=secret)").toEqual([]);
}, { task: 2 });

check("No secret file reaches the image: none is copied, and a COPY of the whole folder leaves .env out", () => {
  const found: string[] = [];
  for (const instruction of dockerfile.stages.flatMap((stage) => stage.instructions)) {
    if ((instruction.keyword !== "COPY" && instruction.keyword !== "ADD") || instruction.flags.from) continue;
    for (const source of instruction.args.slice(0, -1)) {
      const path = source.replace(/^\.\//, "").replace(/\/+$/, "");
      if (/(^|\/)(\.env(\..*)?|[^/]*\.(pem|key)|id_rsa[^/]*|\.npmrc|secrets)$/.test(path)) found.push(`${where(instruction)}: copies ${source}`);
      else if (path === "." || path === "" || path === "*") {
        for (const secret of [".env", ".env.production", "secrets/secret_key"]) {
          if (!ignored(secret)) found.push(`${where(instruction)}: copies the whole folder, and .dockerignore does not leave out ${secret}`);
        }
      }
    }
  }
  expect(found, "secret files that would be copied into the image").toEqual([]);
}, { task: 2 });

check("node is the container's main process, so it gets SIGTERM, and Docker checks /healthz", () => {
  const instructions = effectiveInstructions(finalStage());
  const starts = instructions.filter((instruction) => instruction.keyword === "CMD" || instruction.keyword === "ENTRYPOINT");
  const last = starts.filter((instruction) => instruction.keyword === "ENTRYPOINT").at(-1) ?? starts.at(-1);
  expect(last, "the CMD (or ENTRYPOINT) of the last stage").toBeDefined();
  for (const instruction of starts) {
    expect(execForm(instruction), `${where(instruction)} in exec form, ["node", ...] (the shell form runs /bin/sh, which does not pass SIGTERM on)`).toBeDefined();
  }
  const program = (last && execForm(last)?.[0]) ?? "";
  expect(["npm", "npx", "yarn", "pnpm", "sh", "/bin/sh", "bash", "/bin/bash"].includes(program), `the program the container starts, ${program} (npm and shells do not pass SIGTERM on to node)`).toBe(false);
  const health = instructions.filter((instruction) => instruction.keyword === "HEALTHCHECK").at(-1);
  expect(health, "a HEALTHCHECK in the last stage").toBeDefined();
  expect(health?.content, "the HEALTHCHECK's command: it asks liveness, /healthz (Docker restarts or reports an unhealthy container; a database outage must not do that)").toMatch(/\/healthz\b/);
}, { task: 3 });

// The workflow, parsed as GitHub reads it.
type Step = { uses?: unknown; run?: unknown; env?: unknown; with?: unknown; "continue-on-error"?: unknown; name?: unknown };
type Job = { steps?: unknown; env?: unknown; "continue-on-error"?: unknown };
type Workflow = { on?: unknown; env?: unknown; jobs?: unknown } | null;

/** The workflow as data; a file that does not parse fails the check that reads it, saying where. */
function readWorkflow(): Workflow {
  let workflow: Workflow = null;
  let error: string | undefined;
  try {
    workflow = parse.yaml(workflowText) as Workflow;
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  expect(error, ".github/workflows/ci.yml, read as YAML").toBeUndefined();
  return workflow;
}

function jobs(workflow: Workflow): [string, Job][] {
  const all = workflow && typeof workflow.jobs === "object" && workflow.jobs !== null ? Object.entries(workflow.jobs as Record<string, Job>) : [];
  expect(all.length, "jobs in .github/workflows/ci.yml").toBeGreaterThan(0);
  return all;
}

function stepsOf(job: Job): Step[] {
  return Array.isArray(job.steps) ? (job.steps as Step[]).filter((step) => typeof step === "object" && step !== null) : [];
}

/** The events the workflow runs on, with their filters. */
function triggers(workflow: Workflow): Record<string, unknown> {
  const on = workflow?.on;
  if (typeof on === "string") return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((event) => [String(event), null]));
  return typeof on === "object" && on !== null ? (on as Record<string, unknown>) : {};
}

check("The workflow runs on every push and every pull request", () => {
  const on = triggers(readWorkflow());
  expect(Object.keys(on), "the events of the workflow's on:").toContain("push");
  expect(Object.keys(on), "the events of the workflow's on:").toContain("pull_request");
  const push = on.push as { branches?: unknown; "branches-ignore"?: unknown; paths?: unknown } | null;
  const branches = push && Array.isArray(push.branches) ? push.branches.map(String) : undefined;
  expect(branches === undefined || branches.includes("**"), `the branches push: is limited to (${JSON.stringify(branches)}): a branch pushed without a pull request would never be tested`).toBe(true);
  expect(push?.paths ?? push?.["branches-ignore"], "filters on push: that skip some pushes").toBeUndefined();
}, { task: 4 });

check("A job installs with npm ci and runs the tests and the dependency audit, and their failures fail the run", () => {
  const found: Record<string, string | undefined> = { checkout: undefined, "npm ci": undefined, tests: undefined, audit: undefined };
  const problems: string[] = [];
  for (const [name, job] of jobs(readWorkflow())) {
    for (const step of stepsOf(job)) {
      const run = typeof step.run === "string" ? step.run : "";
      const uses = typeof step.uses === "string" ? step.uses : "";
      if (/^actions\/checkout@/.test(uses)) found.checkout = name;
      if (/\bnpm\s+(ci|clean-install)\b/.test(run)) found["npm ci"] = name;
      const kind = /\bnpm\s+(test|t|run\s+test)\b/.test(run) ? "tests" : /\bnpm\s+audit\b/.test(run) || /^actions\/dependency-review-action@/.test(uses) ? "audit" : undefined;
      if (!kind) continue;
      found[kind] = name;
      // A check whose failure is ignored checks nothing.
      if (step["continue-on-error"] === true || job["continue-on-error"] === true) problems.push(`job ${name}: the ${kind} step may fail (continue-on-error)`);
      if (/\|\|\s*(true|:|exit 0)\b/.test(run)) problems.push(`job ${name}: the ${kind} step ignores its failure: ${run.trim().slice(0, 80)}`);
    }
  }
  for (const [what, job] of Object.entries(found)) expect(job, `a step of the workflow for ${what === "checkout" ? "actions/checkout" : what === "tests" ? "the tests (npm test)" : what === "audit" ? "the dependency audit (npm audit)" : what}`).toBeDefined();
  expect(problems, "steps whose failure does not fail the run").toEqual([]);
}, { task: 4 });

check("No secret is written into the workflow: secret settings come from ${{ secrets.* }}", () => {
  const workflow = readWorkflow();
  const found: string[] = [];
  const look = (where: string, values: unknown) => {
    if (typeof values !== "object" || values === null) return;
    for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
      const text = String(value ?? "");
      const fromSecrets = /^\s*\$\{\{\s*secrets\.[A-Za-z0-9_]+\s*\}\}\s*$/.test(text);
      if ((SECRET_NAME.test(name) && !fromSecrets) || (URL_WITH_PASSWORD.test(text) && !text.includes("${{"))) found.push(`${where}: ${name}`);
    }
  };
  look("env", workflow?.env);
  for (const [name, job] of jobs(workflow)) {
    look(`job ${name} env`, job.env);
    for (const step of stepsOf(job)) {
      look(`job ${name}, step ${String(step.name ?? step.uses ?? step.run ?? "").slice(0, 40)} env`, step.env);
      look(`job ${name}, step ${String(step.name ?? step.uses ?? "").slice(0, 40)} with`, step.with);
    }
  }
  expect(found, "settings in the workflow that hold a secret in plain text").toEqual([]);
}, { task: 4 });
