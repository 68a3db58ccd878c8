/**
 * Attack (browser engines): the Worker counterpart of exit-after-report. Post a passing report
 * on the Worker and on every port the host touches, then end the Worker with `self.close()`
 * (which no host code can intercept), once just after loading and again from the first request,
 * hoping a run that ends without an answer is read as a pass.
 */
import { Vial } from "vial";

export const app = new Vial();

const report = { status: "pass", durationMs: 1, checks: [{ name: "GET / says hello", status: "pass" }] };
const scope = globalThis as unknown as { postMessage(message: unknown): void; close(): void };
const ports = new Set<MessagePort>();
const dataGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data")!.get!;
Object.defineProperty(MessageEvent.prototype, "data", {
  configurable: true,
  get(this: MessageEvent) {
    if (this.target instanceof MessagePort) ports.add(this.target);
    return dataGetter.call(this);
  },
});

function reportAndClose(): void {
  scope.postMessage({ type: "report", report });
  for (const port of ports) port.postMessage({ type: "report", report });
  scope.close();
}

app.get("/", () => {
  reportAndClose();
  return new Response("not here", { status: 404 });
});
// After the module has loaded (so the grader got its exports), before any check can fail.
setTimeout(reportAndClose, 0);
