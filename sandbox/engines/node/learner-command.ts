import { confineNode } from "./confine";

/**
 * How the grader host starts node for learner code: the argv prefix it runs
 * `.vial/learner-host.mjs` with. The one place confinement plugs in: confine.ts's command (the
 * permission model, a network namespace, a memory cap for the whole process). The learner needs
 * no network even for a preview: the grader host listens and forwards requests as messages.
 *
 * @example
 * learnerCommand(dir, 256) // ["unshare", …, "/usr/bin/node", "--experimental-permission", …]
 */
export function learnerCommand(runDir: string, memoryMb: number): string[] {
  return confineNode({ runDir, memoryMb, network: "none" }).command;
}
