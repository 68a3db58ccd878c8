/**
 * Which TCP ports a process tree listens on, and on which address, read from Linux's /proc (the
 * stand-in runs in CI on Linux). The WebContainer stand-in announces a port only when it is
 * bound as the WebContainer docs' servers bind it: on every address (`server.listen(port)`,
 * webcontainers.io tutorial "Running dev server"); a server bound to loopback only is never
 * announced, so an engine that relies on one would wait for `server-ready` in vain.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

export interface ListeningPort {
  port: number;
  /** Bound to every address (0.0.0.0 or ::), as opposed to one (127.0.0.1 …). */
  everyAddress: boolean;
}

const LISTEN = "0A";

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** The pid and all its descendants. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    const children = read(`/proc/${tree[i]}/task/${tree[i]}/children`).trim();
    if (children) tree.push(...children.split(/\s+/).map(Number));
  }
  return tree;
}

function socketInodes(pids: number[]): Set<string> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return inodes;
}

/**
 * The ports the process `pid` (and its children) listen on.
 *
 * @example
 * listeningPorts(child.pid) // [{ port: 3000, everyAddress: true }]
 */
export function listeningPorts(pid: number): ListeningPort[] {
  const inodes = socketInodes(processTree(pid));
  const found = new Map<number, boolean>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of read(table).split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== LISTEN || !inodes.has(fields[9]!)) continue;
      const [address, portHex] = fields[1]!.split(":");
      const port = parseInt(portHex!, 16);
      found.set(port, (found.get(port) ?? false) || /^0+$/.test(address!));
    }
  }
  return [...found].map(([port, everyAddress]) => ({ port, everyAddress }));
}
