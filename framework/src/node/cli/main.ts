/**
 * The `vial` command: `vial dev <entry>` serves an app and restarts it when a file changes,
 * `vial run <entry>` serves it once, `vial routes <entry>` prints its routing table.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadApp } from "./load-app";
import { formatRoutes } from "./routes-table";

const USAGE = `usage: vial <command> <entry.ts> [options]

commands:
  dev <entry>     serve the app, restarting when a file changes
  run <entry>     serve the app
  routes <entry>  print the routing table (rule, methods, endpoint)

options:
  --host <host>   interface to listen on (default 127.0.0.1)
  --port <port>   port to listen on (default 5000)
  --all-methods   (routes) include HEAD and OPTIONS`;

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        host: { type: "string", default: "127.0.0.1" },
        port: { type: "string", default: "5000" },
        "all-methods": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, entry] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!entry) {
    console.error(`vial ${command}: missing the app's entry file.\n\n${USAGE}`);
    return 2;
  }
  const { host, port } = parsed.values;
  switch (command) {
    case "routes":
      console.log(formatRoutes(await loadApp(entry), { allMethods: parsed.values["all-methods"] }));
      return 0;
    case "run":
      return runChild([runAppScript(), entry, host, port]);
    case "dev":
      // tsx's watch mode restarts the child whenever a file it imported changes.
      return runChild([tsxCli(), "watch", "--clear-screen=false", runAppScript(), entry, host, port]);
    default:
      console.error(`vial: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

function runAppScript(): string {
  return fileURLToPath(new URL("./run-app.ts", import.meta.url));
}

function tsxCli(): string {
  return createRequire(import.meta.url).resolve("tsx/cli");
}

function runChild(args: string[]): Promise<number> {
  const needsTsx = args[0] === runAppScript();
  const nodeArgs = needsTsx ? ["--import", import.meta.resolve("tsx"), ...args] : args;
  const child = spawn(process.execPath, nodeArgs, { stdio: "inherit" });
  // Forward Ctrl+C / SIGTERM so the app closes cleanly (in-flight requests finish).
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}
