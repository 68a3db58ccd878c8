import { describe, expect, it } from "vitest";
import { readJsonBody } from "../../../framework/src/body/json";
import { BadRequest, ContentTooLarge, HTTPError, UnsupportedMediaType } from "../../../framework/src/http-errors";
import { endlessRequest, latin1, postRequest, rejection } from "./request-helpers";

const noLimit = { maxContentLength: null };

describe("readJsonBody", () => {
  it("parses application/json", async () => {
    expect(await readJsonBody(postRequest('{"a":[1,2],"b":"é"}', "application/json"), noLimit)).toEqual({ a: [1, 2], b: "é" });
  });

  it("accepts parameters and application/*+json", async () => {
    expect(await readJsonBody(postRequest("[1]", "application/json; charset=utf-8"), noLimit)).toEqual([1]);
    expect(await readJsonBody(postRequest('{"type":"x"}', "application/problem+json"), noLimit)).toEqual({ type: "x" });
    expect(await readJsonBody(postRequest("null", "Application/JSON"), noLimit)).toBeNull();
  });

  it("accepts a UTF-8 byte order mark", async () => {
    expect(await readJsonBody(postRequest(latin1('\u00ef\u00bb\u00bf{"a":1}'), "application/json"), noLimit)).toEqual({ a: 1 });
  });

  it("415 for another media type, saying what it expected and what it got", async () => {
    const request = postRequest('{"a":1}', "text/plain");
    const error = await rejection(readJsonBody(request, noLimit));
    expect(error).toBeInstanceOf(UnsupportedMediaType);
    expect((error as HTTPError).status).toBe(415);
    expect((error as Error).message).toContain("application/json");
    expect((error as Error).message).toContain("text/plain");
    expect(request.bodyUsed).toBe(false); // checked before reading
  });

  it("415 when there is no Content-Type", async () => {
    const request = new Request("http://localhost/", { method: "POST", body: new Uint8Array([0x7b, 0x7d]) });
    expect(request.headers.get("content-type")).toBeNull();
    const error = await rejection(readJsonBody(request, noLimit));
    expect(error).toBeInstanceOf(UnsupportedMediaType);
    expect((error as Error).message).toMatch(/no Content-Type/);
  });

  it("415 for look-alikes that are not JSON", async () => {
    for (const type of ["text/json", "application/jsonp", "application/x-www-form-urlencoded", "garbage"]) {
      expect(await rejection(readJsonBody(postRequest("{}", type), noLimit))).toBeInstanceOf(UnsupportedMediaType);
    }
  });

  it("400 with a fixed message for malformed JSON, never echoing the body", async () => {
    const secret = '{"password": "hunter2", oops}';
    const error = await rejection(readJsonBody(postRequest(secret, "application/json"), noLimit));
    expect(error).toBeInstanceOf(BadRequest);
    expect((error as HTTPError).status).toBe(400);
    expect((error as Error).message).toBe("The request body is not valid JSON");
    expect((error as Error).message).not.toContain("hunter2");
  });

  it("400 for invalid UTF-8", async () => {
    const error = await rejection(readJsonBody(postRequest(new Uint8Array([0x22, 0xff, 0xfe, 0x22]), "application/json"), noLimit));
    expect(error).toBeInstanceOf(BadRequest);
    expect((error as Error).message).toBe("The request body is not valid JSON");
  });

  it("400 for an empty body or only whitespace", async () => {
    expect(await rejection(readJsonBody(postRequest("", "application/json"), noLimit))).toBeInstanceOf(BadRequest);
    expect(await rejection(readJsonBody(new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" } }), noLimit))).toBeInstanceOf(BadRequest);
    expect(await rejection(readJsonBody(postRequest("  \n", "application/json"), noLimit))).toBeInstanceOf(BadRequest);
  });

  it("413 when the body is over maxContentLength, declared or streamed", async () => {
    expect(await rejection(readJsonBody(postRequest(`"${"x".repeat(100)}"`, "application/json"), { maxContentLength: 50 }))).toBeInstanceOf(
      ContentTooLarge,
    );
    const { request, state } = endlessRequest(() => new Uint8Array(512).fill(0x20), { "content-type": "application/json" });
    expect(await rejection(readJsonBody(request, { maxContentLength: 4096 }))).toBeInstanceOf(ContentTooLarge);
    expect(state.cancelled).toBe(true);
  });

  it("deeply nested JSON is either parsed or a 400, never a crash", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    try {
      await readJsonBody(postRequest(deep, "application/json"), noLimit);
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequest);
    }
  });
});
