/** The machine a run happened on, for RESULTS.md: numbers mean little without it. */
import { cpus, loadavg, totalmem, type as osType, release } from "node:os";

/** CPU, cores, memory, OS, node, and how busy the machine was when the run began. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  loadAverage: [number, number, number];
}

/** Describes this machine now. */
export function describeMachine(): Machine {
  const list = cpus();
  const [one, five, fifteen] = loadavg();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    loadAverage: [one ?? 0, five ?? 0, fifteen ?? 0],
  };
}
