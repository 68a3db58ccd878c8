/**
 * Turns a WebContainer process's terminal output back into the text the process wrote, chunk
 * by chunk. A WebContainer's output is a terminal's: "\n" arrives as "\r\n", NUL characters are
 * dropped (so the NUL that starts each of the grader's marker lines is gone), and chunks end
 * anywhere, even between the two halves of one character. So this decoder holds back what the
 * next chunk may complete: a "\r" (its "\n" may follow), a high surrogate (its low half will),
 * and a line start that may still become the start of a marker line.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * A streaming decoder for one process's output; `push` each chunk, then `end()`.
 *
 * @example
 * const decoder = new TerminalTextDecoder(nonce);
 * reader.push(decoder.push("ok\r")); reader.push(decoder.push("\nVIAL:rep")); reader.push(decoder.end());
 */
export class TerminalTextDecoder {
  readonly #prefixes: string[];
  readonly #restore: RegExp;
  #held = "";
  #atLineStart = true;

  constructor(nonce: string) {
    this.#prefixes = [`VIAL:report ${nonce} `, `VIAL:event ${nonce} `];
    this.#restore = new RegExp(`(^|\\n)VIAL:(report|event) ${nonce.replace(/[^\w-]/g, "\\$&")} `, "g");
  }

  /** The text of `chunk` that is complete so far (maybe ""). */
  push(chunk: string): string {
    const text = (this.#held + chunk).replace(/\r\n/g, "\n");
    const keep = this.#incompleteTail(text);
    this.#held = text.slice(text.length - keep);
    return this.#emit(text.slice(0, text.length - keep));
  }

  /** What was held back, once the output is over. */
  end(): string {
    const rest = this.#held;
    this.#held = "";
    return rest;
  }

  /** How many characters at the end of `text` the next chunk may still change. */
  #incompleteTail(text: string): number {
    if (text.endsWith("\r") || (text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1)))) return 1;
    const lineStart = text.lastIndexOf("\n") + 1;
    if (lineStart === 0 && !this.#atLineStart) return 0;
    const partial = text.slice(lineStart);
    return partial !== "" && this.#prefixes.some((prefix) => partial.length < prefix.length && prefix.startsWith(partial)) ? partial.length : 0;
  }

  /** Puts back the NUL that starts a marker line carrying this run's nonce (learner code cannot print it). */
  #emit(text: string): string {
    if (text === "") return "";
    const atLineStart = this.#atLineStart;
    this.#atLineStart = text.endsWith("\n");
    return text.replace(this.#restore, (match, newline: string, kind: string, offset: number) =>
      offset === 0 && newline === "" && !atLineStart ? match : `${newline}\u0000VIAL:${kind} ${match.slice(newline.length + 6 + kind.length)}`);
  }
}
