import { MARKER_PREFIX, readMarker } from "./payload/protocol";
import type { MarkerKind } from "./payload/protocol";

/** Longest marked line accepted (a report with many traces); beyond it the line is just output. */
const MAX_MARKER_LENGTH = 8 * 1024 * 1024;

export interface MarkerReaderHandlers {
  /** Ordinary output, passed on as soon as it arrives. */
  text(text: string): void;
  marker(kind: MarkerKind, payload: unknown): void;
  /** A marker-looking line without the run's nonce: printed by learner code, not trusted. */
  forged?(line: string): void;
}

/**
 * Splits a run's stdout into the learner's output and the host's marked lines, as chunks
 * arrive. Used by every engine that reads a `node` process's output (node, WebContainers).
 *
 * @example
 * const reader = new MarkerReader(nonce, { text: (t) => output.push(t), marker: onMarker });
 * child.stdout.on("data", (chunk) => reader.push(chunk));
 * child.stdout.on("end", () => reader.end());
 */
export class MarkerReader {
  #buffer = "";
  /** A blank line held back: markers start with "\n", which would otherwise print as a blank line. */
  #heldNewline = false;
  /** Part of the current line was already passed on, so the rest of it is output too. */
  #midLine = false;

  constructor(private readonly nonce: string, private readonly handlers: MarkerReaderHandlers) {}

  push(chunk: string): void {
    this.#buffer += chunk;
    let newline: number;
    while ((newline = this.#buffer.indexOf("\n")) !== -1) {
      const line = this.#buffer.slice(0, newline);
      this.#buffer = this.#buffer.slice(newline + 1);
      this.#line(line);
    }
    // A partial line that cannot be a marker is output now, so logs show up without waiting.
    const partial = this.#buffer;
    const mayBeMarker = partial.length <= MARKER_PREFIX.length ? MARKER_PREFIX.startsWith(partial) : partial.startsWith(MARKER_PREFIX);
    if (partial && (this.#midLine || !mayBeMarker || partial.length > MAX_MARKER_LENGTH)) {
      this.#text(partial);
      this.#buffer = "";
      this.#midLine = true;
    }
  }

  /** Flushes what is left at the end of the stream. */
  end(): void {
    if (this.#buffer) this.#line(this.#buffer, false);
    this.#buffer = "";
    if (this.#heldNewline) this.handlers.text("\n");
    this.#heldNewline = false;
  }

  #line(line: string, hadNewline = true): void {
    if (this.#midLine) {
      this.#midLine = !hadNewline;
      this.#text(hadNewline ? line + "\n" : line);
      return;
    }
    const marker = readMarker(line, this.nonce);
    if (marker === undefined) {
      if (line === "" && hadNewline && !this.#heldNewline) {
        this.#heldNewline = true;
        return;
      }
      this.#text(hadNewline ? line + "\n" : line);
      return;
    }
    this.#heldNewline = false;
    if (marker === "forged") this.handlers.forged?.(line);
    else this.handlers.marker(marker.kind, marker.payload);
  }

  #text(text: string): void {
    if (this.#heldNewline) {
      this.#heldNewline = false;
      text = "\n" + text;
    }
    this.handlers.text(text);
  }
}
