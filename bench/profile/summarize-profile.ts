/**
 * Prints where a `node --cpu-prof` profile spent its time: the top functions by self time and
 * by inclusive time. Usage: `tsx bench/profile/summarize-profile.ts file.cpuprofile [--top 30] [--busy]`.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (!file) throw new Error("usage: summarize-profile.ts <file.cpuprofile> [--top N]");
const topIndex = process.argv.indexOf("--top");
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 30;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const label = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? `${url.replace(/^.*\/(node_modules\/|framework\/)/, "$1").replace(/^file:\/\//, "")}:${lineNumber + 1}` : "";
  return `${functionName || "(anonymous)"} ${where}`.trim();
};

// --busy leaves out time the thread spent idle or inside the socket write syscall, whose wall
// time mostly measures the other end of the loopback connection, not this process.
const busyOnly = process.argv.includes("--busy");
const notBusy = new Set(["(idle)", "writev", "(program)"]);
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  if (busyOnly && notBusy.has(label(node))) return;
  total += delta;
  self.set(label(node), (self.get(label(node)) ?? 0) + delta);
  // Count each function once per sample even when it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  }
});

const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms)`);
  for (const [name, time] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
print("Self time", self);
print("Inclusive time", inclusive);
