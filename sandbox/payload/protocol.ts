/**
 * The marked lines a payload host writes between the learner's own output. Each carries the
 * run's nonce, which the learner's code never sees, so printed look-alikes are not trusted.
 * The leading NUL keeps them apart from anything a learner would print by accident.
 */
export const MARKER_PREFIX = "\u0000VIAL:";

export type MarkerKind = "report" | "event";

/** What happens during a run, announced so an engine that must kill it still knows what ran. */
export type HostEvent =
  | { type: "plan"; checks: { name: string; task?: number; hint?: string }[] }
  | { type: "check-start"; name: string }
  | { type: "check-end"; result: unknown }
  | { type: "exit"; code: number; at?: string }
  | { type: "ready"; url: string }
  | { type: "serve-error"; message: string };

/**
 * One marked line, starting on a fresh line whatever the learner printed last.
 *
 * @example
 * stdout.write(createMarker(nonce, "report", report));
 */
export function createMarker(nonce: string, kind: MarkerKind, payload: unknown): string {
  return `\n${MARKER_PREFIX}${kind} ${nonce} ${JSON.stringify(payload)}\n`;
}

/**
 * Reads a marked line: its kind and payload when the nonce matches, "forged" when it looks
 * like a marker but the nonce or JSON is wrong, undefined for ordinary output.
 *
 * @example
 * const marker = readMarker(line, nonce);
 * if (marker !== "forged" && marker?.kind === "report") handle(marker.payload);
 */
export function readMarker(line: string, nonce: string): { kind: MarkerKind; payload: unknown } | "forged" | undefined {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (!text.startsWith(MARKER_PREFIX)) return undefined;
  const match = /^(report|event) (\S+) (.*)$/s.exec(text.slice(MARKER_PREFIX.length));
  if (!match || match[2] !== nonce) return "forged";
  try {
    return { kind: match[1] as MarkerKind, payload: JSON.parse(match[3]!) };
  } catch {
    return "forged";
  }
}
