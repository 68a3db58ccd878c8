// A throwaway PostgreSQL cluster for the tests: Debian's initdb and pg_ctl in a temporary
// directory, on a free 127.0.0.1 port, no system service; stopped and removed after the file's
// tests. PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user
// (or nobody). Absent binaries: the tests skip, saying so.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { userInfo, tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../../../sandbox/engines/node/free-port";

/** The newest installed PostgreSQL's bin folder, if any. */
function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

const BIN = postgresBin();

/** Why the PostgreSQL tests cannot run here, or `undefined` when they can. */
export const postgresUnavailable: string | undefined = BIN ? undefined : "initdb and pg_ctl are missing: install Debian's postgresql (.ci/run does) to run the lessons against a real server.";
if (postgresUnavailable) console.warn(`Skipping the PostgreSQL tests: ${postgresUnavailable}`);

export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The uid and gid the cluster runs as: ours, unless we are root. */
function clusterUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string, name: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  for (const name of ["postgres", "nobody"]) {
    try {
      return { uid: id("-u", name), gid: id("-g", name) };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error("Running as root, and there is no postgres or nobody user to run PostgreSQL as.");
}

/** Starts a cluster with trust authentication for 127.0.0.1 and returns its URL. */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const directory = await mkdtemp(join(tmpdir(), "vial-postgres-"));
  const data = join(directory, "data");
  const user = clusterUser();
  const run = (command: string, args: string[]) => {
    const prefix = user ? ["setpriv", `--reuid=${user.uid}`, `--regid=${user.gid}`, "--clear-groups", "--"] : [];
    const argv = [...prefix, join(BIN!, command), ...args];
    return execFileSync(argv[0]!, argv.slice(1), { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: directory });
  };
  if (user) {
    chmodSync(directory, 0o755);
    chownSync(directory, user.uid, user.gid);
  }
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  run("pg_ctl", ["-D", data, "-l", join(directory, "log"), "-w", "-t", "60", "-o", `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run("pg_ctl", ["-D", data, "-w", "-m", "immediate", "stop"]);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
    },
  };
}
