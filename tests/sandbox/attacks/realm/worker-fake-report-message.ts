/**
 * Attack (browser engines): post a passing report everywhere a Worker can reach without a
 * private port: on the Worker itself (its parent, the runner page), on BroadcastChannels named
 * as a grader might listen, and as console lines shaped like the node engine's report; again
 * from every request. The route itself is never implemented.
 */
import { Vial } from "vial";

export const app = new Vial();

const passed = { name: "GET / says hello", status: "pass" };
const report = { status: "pass", durationMs: 1, checks: [passed] };
const forgeries = [
  { type: "report", report },
  { type: "event", event: { type: "check-end", result: passed } },
  { type: "vial-runner-ready" },
  { type: "ready" },
];

function forge(): void {
  const scope = globalThis as unknown as { postMessage(message: unknown): void };
  for (const message of forgeries) scope.postMessage(message);
  for (const name of ["vial", "grader", "report", "vial grader", "vial check"]) {
    const channel = new BroadcastChannel(name);
    for (const message of forgeries) channel.postMessage(message);
    channel.close();
  }
  console.log(`\n\u0000VIAL:report nonce ${JSON.stringify(report)}`);
  console.log("✓ all checks pass, lesson complete");
}

forge();
app.get("/", () => {
  forge();
  return new Response("not here", { status: 404 });
});
