import { describe, expect, it } from "vitest";
import { TerminalTextDecoder } from "../../../sandbox/engines/webcontainer/terminal-text";
import { createMarker } from "../../../sandbox/payload/protocol";
import { terminalChunks, wellFormed } from "../fakes/terminal-output";

const NONCE = "n0nce-_x";

/** Decodes `chunks` one by one, returning each piece handed on. */
function decode(chunks: string[]): string[] {
  const decoder = new TerminalTextDecoder(NONCE);
  return [...chunks.map((chunk) => decoder.push(chunk)), decoder.end()].filter((piece) => piece !== "");
}

describe("TerminalTextDecoder", () => {
  it("gives back what the process wrote, through the stand-in's terminal (CRLF, NUL dropped, tiny chunks)", () => {
    const written = `hello\n${createMarker(NONCE, "event", { type: "plan", checks: [] })}naïve 🙂 done\n${createMarker(NONCE, "report", { status: "pass" })}`;
    expect(decode(terminalChunks(written)).join("")).toBe(written);
  });

  it("never hands on half a character, even when a chunk ends between its two halves", () => {
    const pieces = decode(terminalChunks("🙂🙂 and 🎉\n"));
    expect(pieces.join("")).toBe("🙂🙂 and 🎉\n");
    for (const piece of pieces) expect(wellFormed(piece), JSON.stringify(piece)).toBe(true);
  });

  it("restores the NUL only on a marker line with this run's nonce, at a line start", () => {
    expect(decode(["VIAL:report other {}\r\n", `say VIAL:report ${NONCE} {}\r\n`]).join("")).toBe(`VIAL:report other {}\nsay VIAL:report ${NONCE} {}\n`);
    expect(decode(["x\r", "\nVIAL:ev", `ent ${NONCE} {}\r\n`]).join("")).toBe(`x\n\u0000VIAL:event ${NONCE} {}\n`);
  });

  it("keeps a lone carriage return that no line feed follows", () => {
    expect(decode(["progress 1\r", "progress 2\r"]).join("")).toBe("progress 1\rprogress 2\r");
  });
});
