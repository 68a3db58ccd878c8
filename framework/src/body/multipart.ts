/**
 * A streaming multipart/form-data parser (RFC 7578 / RFC 2046), sans-I/O like Werkzeug's
 * `MultipartDecoder`: push bytes in as they arrive, get events out. It tolerates what Werkzeug
 * tolerates (LF or CR line breaks, a missing line break before the first boundary, padding after
 * a boundary) and keeps its buffer small: part data is handed out as soon as it cannot be the
 * start of a boundary, whatever it contains (CVE-2023-46136 was a part starting with CR/LF
 * being re-scanned for every chunk).
 */

import { BadRequest, ContentTooLarge } from "../http-errors.ts";
import { ByteQueue, ByteSearch } from "./bytes.ts";
import { parsePartHeaders, type PartInfo } from "./multipart-headers.ts";
import { boundaryLineEnd, CLOSE, CR, findBlankLine, isValidMultipartBoundary, LF, NEED_MORE, NOT_A_BOUNDARY } from "./multipart-syntax.ts";

export type { PartInfo } from "./multipart-headers.ts";
export { isValidMultipartBoundary } from "./multipart-syntax.ts";

/**
 * What the parser reports, in body order: a part's headers, its data in pieces, then its end.
 *
 * @example
 * ```ts
 * for (const event of parser.push(chunk)) {
 *   if (event.kind === "part") console.log(event.part.name);
 *   else if (event.kind === "data") console.log(event.data.length);
 * }
 * ```
 */
export type MultipartEvent = { kind: "part"; part: PartInfo } | { kind: "data"; data: Uint8Array } | { kind: "part-end" };

/**
 * Options for {@link MultipartParser}.
 *
 * @example
 * ```ts
 * new MultipartParser(boundary, { maxParts: 1000, maxHeaderSize: 8 * 1024 });
 * ```
 */
interface MultipartParserOptions {
  /** Most parts allowed (Flask `MAX_FORM_PARTS`); one more is a 413. `null`: no limit. */
  maxParts?: number | null;
  /** Largest header block of one part, in bytes (default 16 KiB); larger is a 413. */
  maxHeaderSize?: number;
}

/**
 * Incremental multipart parser. Call `push(chunk)` for each chunk and handle the events it
 * returns, then `finish()` once the body has ended.
 *
 * @example
 * ```ts
 * const parser = new MultipartParser("xyz", { maxParts: 1000 });
 * for await (const chunk of readBodyChunks(request, limits)) {
 *   for (const event of parser.push(chunk)) console.log(event.kind);
 * }
 * parser.finish(); // throws BadRequest if the closing boundary never came
 * ```
 */
export class MultipartParser {
  #state: "preamble" | "headers" | "data" | "epilogue" = "preamble";
  readonly #queue = new ByteQueue();
  readonly #boundary: ByteSearch; // "--" + boundary
  readonly #maxParts: number | null;
  readonly #maxHeaderSize: number;
  #headerSearchFrom = 0;
  #atPartStart = false;
  #parts = 0;

  /** @throws BadRequest when the boundary is invalid. */
  constructor(boundary: string, options: MultipartParserOptions = {}) {
    if (!isValidMultipartBoundary(boundary)) throw new BadRequest("The multipart boundary is missing or invalid.");
    this.#boundary = new ByteSearch(new TextEncoder().encode(`--${boundary}`));
    this.#maxParts = options.maxParts ?? null;
    this.#maxHeaderSize = options.maxHeaderSize ?? 16 * 1024;
  }

  /** Bytes held back, waiting to see whether they start a boundary (small by design). */
  get bufferedBytes(): number {
    return this.#queue.length;
  }

  /** Whether the closing boundary has been seen; later bytes (the epilogue) are ignored. */
  get complete(): boolean {
    return this.#state === "epilogue";
  }

  /** Feeds the next chunk of the body; returns the events it completes. */
  push(chunk: Uint8Array): MultipartEvent[] {
    const events: MultipartEvent[] = [];
    if (this.#state === "epilogue") return events;
    this.#queue.push(chunk);
    while (this.#step(events));
    return events;
  }

  /** Declares the body ended. @throws BadRequest when it ended before the closing boundary. */
  finish(): void {
    if (this.#state === "epilogue") return;
    throw new BadRequest(this.#state === "preamble" ? "The multipart body has no boundary line." : "The multipart body ended before its closing boundary.");
  }

  /** Runs one state; returns whether it made progress worth another step. */
  #step(events: MultipartEvent[]): boolean {
    switch (this.#state) {
      case "preamble":
        return this.#preamble();
      case "headers":
        return this.#headers(events);
      case "data":
        return this.#data(events);
      case "epilogue":
        this.#queue.consume(this.#queue.length);
        return false;
    }
  }

  #preamble(): boolean {
    const view = this.#queue.view();
    const needle = this.#boundary.needle.length;
    for (let from = 0; ;) {
      const at = this.#boundary.indexOf(view, from);
      if (at === -1) {
        // Keep only what could be the start of the first boundary.
        if (view.length >= needle) this.#queue.consume(view.length - (needle - 1));
        return false;
      }
      const end = boundaryLineEnd(view, at + needle);
      if (end === NOT_A_BOUNDARY) {
        from = at + 1;
        continue;
      }
      if (end === NEED_MORE) {
        this.#queue.consume(at);
        return false;
      }
      if (end === CLOSE) {
        this.#state = "epilogue"; // "--boundary--" straight away: an empty form
        return true;
      }
      this.#queue.consume(end);
      this.#enterHeaders();
      return true;
    }
  }

  #headers(events: MultipartEvent[]): boolean {
    const view = this.#queue.view();
    // A line break right away means an empty header block (rejected below: no Content-Disposition).
    const blank: [number, number] | undefined = view[0] === CR || view[0] === LF ? [0, 0] : findBlankLine(view, this.#headerSearchFrom);
    if ((blank ? blank[0] : view.length) > this.#maxHeaderSize) {
      throw new ContentTooLarge(`The headers of a multipart part are larger than ${this.#maxHeaderSize} bytes.`);
    }
    if (!blank) {
      this.#headerSearchFrom = Math.max(0, view.length - 3);
      return false;
    }
    const [start, end] = blank;
    this.#parts++;
    if (this.#maxParts !== null && this.#parts > this.#maxParts) {
      throw new ContentTooLarge(`The multipart body has more than ${this.#maxParts} parts.`);
    }
    const part = parsePartHeaders(view.subarray(0, start));
    // Leave the blank line's last line break: it can double as the line break that starts a
    // boundary when the part is empty ("...\r\n\r\n--boundary").
    this.#queue.consume((start + end) >> 1);
    this.#state = "data";
    this.#atPartStart = true;
    events.push({ kind: "part", part });
    return true;
  }

  #data(events: MultipartEvent[]): boolean {
    const view = this.#queue.view();
    const needle = this.#boundary.needle.length;
    let dataStart = 0;
    if (this.#atPartStart) {
      if (view.length === 0 || (view[0] === CR && view.length < 2)) return false;
      dataStart = view[0] === CR ? (view[1] === LF ? 2 : 1) : view[0] === LF ? 1 : 0;
    }
    for (let from = dataStart; ;) {
      const at = this.#boundary.indexOf(view, from);
      if (at === -1) break;
      from = at + 1;
      // A boundary counts only at the start of a line.
      const before = at >= 1 ? view[at - 1] : undefined;
      if (before !== LF && before !== CR) continue;
      const lineStart = before === LF && at >= 2 && view[at - 2] === CR ? at - 2 : at - 1;
      const end = boundaryLineEnd(view, at + needle);
      if (end === NOT_A_BOUNDARY) continue;
      const dataEnd = Math.max(dataStart, lineStart);
      if (end === NEED_MORE) {
        if (lineStart >= dataStart) this.#emitData(events, view, dataStart, lineStart);
        return false;
      }
      pushData(events, view, dataStart, dataEnd);
      events.push({ kind: "part-end" });
      if (end === CLOSE) {
        this.#state = "epilogue";
      } else {
        this.#queue.consume(end);
        this.#enterHeaders();
      }
      return true;
    }
    // No boundary: everything but a possible boundary start (line break + "--" + boundary) is data.
    const safeEnd = view.length - (needle + 2);
    if (safeEnd > dataStart) this.#emitData(events, view, dataStart, safeEnd);
    return false;
  }

  /** Emits `view[start, end)` as data and drops everything before `end` from the buffer. */
  #emitData(events: MultipartEvent[], view: Uint8Array, start: number, end: number): void {
    pushData(events, view, start, end);
    this.#queue.consume(end);
    this.#atPartStart = false;
  }

  #enterHeaders(): void {
    this.#state = "headers";
    this.#headerSearchFrom = 0;
    this.#atPartStart = false;
  }
}

function pushData(events: MultipartEvent[], view: Uint8Array, start: number, end: number): void {
  // A copy: the view belongs to the parser's buffer, which is reused by the next push.
  if (end > start) events.push({ kind: "data", data: view.slice(start, end) });
}
