// Responses that remember the body Vial made, so the node adapter can send it in one write.
import { describe, expect, it } from "vitest";
import { json, makeResponse, text } from "vial";
import { knownBody, responseWithKnownBody } from "../../framework/src/known-body";

describe("knownBody", () => {
  it("gives back the body a response was made with", async () => {
    const res = responseWithKnownBody("héllo", { status: 201, headers: { "content-type": "text/plain" } });
    expect(knownBody(res)).toBe("héllo");
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("héllo");
  });

  it("knows nothing about other responses", () => {
    expect(knownBody(new Response("made elsewhere"))).toBeUndefined();
  });

  it("forgets the body once the stream has been read or locked", async () => {
    const read = responseWithKnownBody("a");
    await read.text();
    expect(knownBody(read)).toBeUndefined();
    const locked = responseWithKnownBody(new Uint8Array([1, 2]));
    locked.body!.getReader();
    expect(knownBody(locked)).toBeUndefined();
  });

  it("is kept by strings, JSON and the response helpers", () => {
    expect(knownBody(makeResponse("<p>hi</p>"))).toBe("<p>hi</p>");
    expect(knownBody(makeResponse({ a: 1 }))).toBe('{"a":1}');
    expect(knownBody(json([1], { status: 201 }))).toBe("[1]");
    expect(knownBody(text("plain"))).toBe("plain");
  });

  it("is kept through a [body, status, headers] tuple, and dropped with a body-less status", async () => {
    const created = makeResponse(["made", 201, { "x-id": "7" }]);
    expect(knownBody(created)).toBe("made");
    expect(created.status).toBe(201);
    expect(created.headers.get("x-id")).toBe("7");
    expect(await created.text()).toBe("made");
    const empty = makeResponse(["", 204]);
    expect(knownBody(empty)).toBeUndefined();
    expect(empty.body).toBeNull();
  });
});
