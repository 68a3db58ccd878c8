/**
 * The `vial` command: `vial dev <entry>` serves an app and restarts it when a file changes,
 * `vial run <entry>` serves it once, `vial routes <entry>` prints its routing table, `vial new
 * <dir>` creates a starter app.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { errorMessage } from "../../error-message.ts";
import { appLoader } from "./app-loader.ts";
import { loadApp } from "./load-app.ts";
import { createStarter } from "./new-app.ts";
import { formatRoutes } from "./routes-table.ts";

const USAGE = `usage: vial <command> <entry.ts> [options]

commands:
  new <dir>       create an app (with a test and a dev script) in a new folder
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
    console.error(`${errorMessage(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command, entry] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!entry) {
    const what = command === "new" ? "the folder to create" : "the app's entry file";
    console.error(`vial ${command}: missing ${what}.\n\n${USAGE}`);
    return 2;
  }
  if (command === "new") return createStarter(entry);
  if (!["routes", "run", "dev"].includes(command)) {
    console.error(`vial: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let loader: ReturnType<typeof appLoader>;
  try {
    loader = appLoader(entry);
  } catch (error) {
    console.error(`vial ${command}: ${errorMessage(error)}`);
    return 1;
  }
  const { host, port } = parsed.values;
  const serveArgs = [runAppScript(), entry, host, port];
  if (command === "routes") {
    console.log(formatRoutes(await loadApp(entry), { allMethods: parsed.values["all-methods"] }));
    return 0;
  }
  if (command === "run") return runChild(loader.kind === "tsx" ? ["--import", loader.importUrl, ...serveArgs] : serveArgs);
  // dev: the watcher restarts the child whenever a file it imported changes.
  return runChild(loader.kind === "tsx" ? [loader.cli, "watch", "--clear-screen=false", ...serveArgs] : ["--watch", ...serveArgs]);
}

/** The server process's script, next to this file (run-app.ts in the sources, run-app.js built). */
function runAppScript(): string {
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  return fileURLToPath(new URL(`./run-app${extension}`, import.meta.url));
}

function runChild(nodeArgs: string[]): Promise<number> {
  const child = spawn(process.execPath, nodeArgs, { stdio: "inherit" });
  // Forward Ctrl+C / SIGTERM so the app closes cleanly (in-flight requests finish).
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}
