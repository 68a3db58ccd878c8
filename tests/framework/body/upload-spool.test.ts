// Upload spooling in the multipart form parser: a file part that grows past the spool's threshold
// goes to the spool's sink piece by piece (no longer kept in memory); smaller files and fields
// never do; a body that fails mid-file discards the open sink.
import { describe, expect, it } from "vitest";
import { parseMultipartForm } from "../../../framework/src/body/multipart-form";
import { concatBytes } from "../../../framework/src/body/bytes";
import type { UploadSink, UploadSpool } from "../../../framework/src/body/upload-spool";
import { createUploadedFile } from "../../../framework/src/body/uploaded-file";
import { BadRequest } from "../../../framework/src/http-errors";
import { bytes, chunk } from "./request-helpers";

const limits = { maxFormMemorySize: 500_000, maxFormParts: 1_000 };

/** A spool that keeps what it is given, so the test can see which parts went to it and how. */
function recordingSpool(threshold: number) {
  const sinks: Array<{ filename: string; writes: number[]; closed: boolean; discarded: boolean }> = [];
  const spool: UploadSpool = {
    threshold,
    async open(part) {
      const record = { filename: part.filename, writes: [] as number[], closed: false, discarded: false };
      sinks.push(record);
      const pieces: Uint8Array[] = [];
      const sink: UploadSink = {
        async write(data) {
          record.writes.push(data.byteLength);
          pieces.push(data.slice());
        },
        async close() {
          record.closed = true;
          const data = concatBytes(pieces);
          return { ...createUploadedFile({ ...part, data }), path: `/spool/${part.filename}` };
        },
        async discard() {
          record.discarded = true;
        },
      };
      return sink;
    },
  };
  return { spool, sinks };
}

function multipartBody(parts: Array<{ name: string; filename?: string; data: string }>, boundary = "b0undary"): Uint8Array {
  let text = "";
  for (const part of parts) {
    const file = part.filename === undefined ? "" : `; filename="${part.filename}"`;
    text += `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n\r\n${part.data}\r\n`;
  }
  return bytes(`${text}--${boundary}--\r\n`);
}

async function* chunksOf(data: Uint8Array, size: number) {
  for (const piece of chunk(data, size)) yield piece;
}

describe("parseMultipartForm with an upload spool", () => {
  it("spools a file past the threshold, in pieces, and keeps small files and fields in memory", async () => {
    const big = "x".repeat(10_000);
    const body = multipartBody([
      { name: "title", data: "y".repeat(2_000) },
      { name: "small", filename: "small.txt", data: "tiny" },
      { name: "big", filename: "big.bin", data: big },
    ]);
    const { spool, sinks } = recordingSpool(1_000);
    const { form, files } = await parseMultipartForm(chunksOf(body, 512), "b0undary", limits, spool);

    expect(form.get("title")).toHaveLength(2_000);
    expect(files.get("small")?.path).toBeUndefined();
    expect(await files.get("small")?.text()).toBe("tiny");
    expect(sinks.map((sink) => sink.filename)).toEqual(["big.bin"]);
    expect(sinks[0]!.closed).toBe(true);
    // Written as it arrived, not as one buffer at the end.
    expect(sinks[0]!.writes.length).toBeGreaterThan(10);
    expect(sinks[0]!.writes.reduce((a, b) => a + b, 0)).toBe(10_000);
    const spooled = files.get("big")!;
    expect(spooled.path).toBe("/spool/big.bin");
    expect(await spooled.text()).toBe(big);
  });

  it("keeps everything in memory without a spool", async () => {
    const body = multipartBody([{ name: "big", filename: "big.bin", data: "x".repeat(10_000) }]);
    const { files } = await parseMultipartForm(chunksOf(body, 512), "b0undary", limits);
    expect(files.get("big")?.path).toBeUndefined();
    expect(files.get("big")?.size).toBe(10_000);
  });

  it("discards the open file when the body ends inside it", async () => {
    const body = multipartBody([{ name: "big", filename: "big.bin", data: "x".repeat(10_000) }]);
    const truncated = body.subarray(0, 8_000);
    const { spool, sinks } = recordingSpool(1_000);
    await expect(parseMultipartForm(chunksOf(truncated, 512), "b0undary", limits, spool)).rejects.toBeInstanceOf(BadRequest);
    expect(sinks).toHaveLength(1);
    expect(sinks[0]).toMatchObject({ closed: false, discarded: true });
  });
});
