/**
 * Attack: post a passing report on the Worker itself, and rewrite every report the host posts
 * on any MessagePort into a passing one (browser engines).
 * Must happen: the report is fail or error.
 */
import { Vial } from "vial";

export const app = new Vial();
const pass = { status: "pass", durationMs: 1, checks: [{ name: "GET / answers Hello, Vial!", status: "pass" }] };
(self as unknown as { postMessage(message: unknown): void }).postMessage({ type: "report", report: pass });
const post = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: unknown[]) {
  const forged = (message as { type?: string } | null)?.type === "report" ? { type: "report", report: pass } : message;
  return (post as (...args: unknown[]) => void).call(this, forged, ...rest);
};
