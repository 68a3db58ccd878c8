/**
 * What the engine tells the learner about the container itself, in the output panel: the
 * container's `error` events and the preview's forwarded browser errors (`preview-message`).
 */
import type { PreviewMessage } from "./types";

/**
 * The container's `error` event, with what the learner can do. The API README names cookie
 * blockers as what breaks WebContainers, and this event as how a page learns of it; the
 * browser-configuration guide lists third-party cookie blocking, Brave Shields and Edge's strict
 * tracking prevention.
 *
 * @example
 * describeContainerError("Unable to create more instances") // "WebContainers reported an error: Unable to create …"
 */
export function describeContainerError(message: string): string {
  return `WebContainers reported an error: ${message.replace(/\.?\s*$/, ".")} ` +
    "This usually means the browser blocks third-party cookies or storage for StackBlitz (a content blocker, Brave Shields, or Edge's strict tracking prevention). " +
    "Allow them for this site and reload the page, or switch to the Web Worker engine, which needs neither.";
}

function formatArgument(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A browser error from the preview (forwarded with `forwardPreviewErrors`), as an output line.
 *
 * @example
 * describePreviewMessage({ type: "PREVIEW_UNCAUGHT_EXCEPTION", message: "x is not defined", stack: undefined, port: 3000, pathname: "/", search: "", hash: "", previewId: "p" })
 * // "[preview /] Uncaught error: x is not defined\n"
 */
export function describePreviewMessage(message: PreviewMessage): string {
  const where = `[preview ${message.pathname || "/"}]`;
  if ("args" in message) return `${where} console.error: ${message.args.map(formatArgument).join(" ")}\n`;
  // PreviewMessageType is an enum in the API; its values are these strings.
  const kind = (message.type as string) === "PREVIEW_UNHANDLED_REJECTION" ? "Unhandled promise rejection" : "Uncaught error";
  const frames = (message.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 5);
  return `${where} ${kind}: ${message.message}${frames.length ? `\n${frames.join("\n")}` : ""}\n`;
}
