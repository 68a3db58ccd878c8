/** Command-line options of `npm run bench`. */

/** Every section a run can include, in the order they run. */
export const SECTIONS = ["http", "cold", "size", "sandbox", "lessons", "site", "lighthouse"] as const;
export type Section = (typeof SECTIONS)[number];

/** What `npm run bench -- ...` asked for. */
export interface BenchOptions {
  sections: Set<Section>;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  coldRuns: number;
  scenarios?: string[];
  frameworks?: string[];
  /** Run `npm run build` before measuring the site even when a build exists. */
  siteBuild: boolean;
  /** Lighthouse runs per page (each number reported is the median of these). */
  lighthouseRuns: number;
  /** Where `next start` listens while Lighthouse audits the build. */
  lighthousePort: number;
  /** Write bench/RESULTS.md (off for partial runs unless --write is given). */
  write: boolean;
}

export const USAGE = `npm run bench [-- options]
  --only http,cold,size,sandbox,lessons,site,lighthouse   sections to run (default: all)
  --skip lighthouse                             leave sections out (e.g. Lighthouse, which needs a build)
  --duration 5 --warmup 1 --connections 50     load per framework and scenario
  --cold-runs 5                                 measured cold starts per framework
  --scenarios text,json,param,validate,session  --frameworks node-http,vial,fastify,hono,express
  --site-build                                  run \`npm run build\` even if a build exists
  --lighthouse-runs 3 --lighthouse-port 4133    Lighthouse runs per page (medians reported), port of \`next start\`
  --write / --no-write                          write bench/RESULTS.md (default: only for full runs)`;

/** Parses argv (without node and the script). Throws with the usage on a bad option. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} needs a number\n\n${USAGE}`);
    return parsed;
  };
  const list = (name: string) => value(name)?.split(",").map((item) => item.trim()).filter(Boolean);
  const only = list("only");
  const skip = list("skip");
  for (const section of [...(only ?? []), ...(skip ?? [])]) {
    if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`unknown section "${section}"\n\n${USAGE}`);
  }
  const partial = Boolean(only || skip || value("scenarios") || value("frameworks"));
  return {
    sections: new Set(((only ?? SECTIONS) as Section[]).filter((section) => !skip?.includes(section))),
    durationSeconds: number("duration", 5),
    warmupSeconds: number("warmup", 1),
    connections: number("connections", 50),
    coldRuns: number("cold-runs", 5),
    scenarios: list("scenarios"),
    frameworks: list("frameworks"),
    siteBuild: argv.includes("--site-build"),
    lighthouseRuns: Math.max(1, Math.round(number("lighthouse-runs", 3))),
    lighthousePort: number("lighthouse-port", 4133),
    write: argv.includes("--no-write") ? false : argv.includes("--write") || !partial,
  };
}
