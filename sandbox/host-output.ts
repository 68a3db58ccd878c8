/**
 * What every engine that runs the payload's host as a process (node, WebContainers) does with
 * its output: learner output goes on as it arrives, up to a limit, with a tail kept for error
 * reports; the host's nonce-marked lines become the report and events; forged markers are counted.
 */
import { MarkerReader } from "./marker-reader";
import type { HostEvent } from "./payload/protocol";

/** How much of the end of the output an error report quotes. */
const HOST_OUTPUT_TAIL = 8 * 1024;

/** The part of a run's outcome that its output decides. */
export interface HostOutputState {
  report?: unknown;
  events: HostEvent[];
  outputExceeded: boolean;
  forgedLines: number;
  tail: string;
}

/** Where the output goes, and what to do when there is too much of it. */
export interface HostOutputOptions {
  nonce: string;
  outputLimitBytes: number;
  onOutput(text: string): void;
  onEvent?(event: HostEvent): void;
  /** Stops the run: called once the output passes the limit. */
  stop(): void;
}

/**
 * Wires a run's output into `state`. Feed stdout to `reader` (it holds the markers) and anything
 * else the process prints (stderr) to `text`.
 *
 * @example
 * ```ts
 * import { readHostOutput } from "./host-output";
 * const state = { events: [], outputExceeded: false, forgedLines: 0, tail: "" };
 * const { reader, text } = readHostOutput(state, { nonce, outputLimitBytes: 1 << 20, onOutput: print, stop });
 * child.stdout.on("data", (chunk) => reader.push(chunk));
 * child.stderr.on("data", text);
 * ```
 */
export function readHostOutput(state: HostOutputState, options: HostOutputOptions): { reader: MarkerReader; text(chunk: string): void } {
  let printed = 0;
  const text = (chunk: string) => {
    if (state.outputExceeded) return;
    printed += utf8Length(chunk);
    state.tail = (state.tail + chunk).slice(-HOST_OUTPUT_TAIL);
    if (printed > options.outputLimitBytes) {
      state.outputExceeded = true;
      options.stop();
      return;
    }
    options.onOutput(chunk);
  };
  const reader = new MarkerReader(options.nonce, {
    text,
    marker: (kind, payload) => {
      if (kind === "report") state.report = payload;
      else {
        state.events.push(payload as HostEvent);
        options.onEvent?.(payload as HostEvent);
      }
    },
    forged: () => state.forgedLines++,
  });
  return { reader, text };
}

/** UTF-8 length of text, without encoding it (this runs in Node and in the browser). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Two bytes below U+0800, three above; a surrogate pair (4 bytes) is two units of 2 extra.
    if (code >= 0x80) bytes += code < 0x800 ? 1 : code >= 0xd800 && code <= 0xdfff ? 1 : 2;
  }
  return bytes;
}
