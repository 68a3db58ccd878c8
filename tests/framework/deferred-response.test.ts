// Deferred responses: Vial's whole-body answers for vial/node, built into a real Response only
// when something reads more than status and headers.
import { describe, expect, it } from "vitest";
import { amendDeferredHeaders, deferredResponseParts, deferResponse, realResponse } from "../../framework/src/deferred-response";
import { json, makeResponse, text } from "vial";

const knownBody = (response: Response) => deferredResponseParts(response)?.body;

describe("deferResponse", () => {
  it("answers status and headers without building a Response", () => {
    const res = deferResponse("Hello", { "content-type": "text/plain" }, 201);
    expect(res instanceof Response).toBe(true);
    expect([res.status, res.statusText, res.ok, res.redirected, res.type, res.url]).toEqual([201, "", true, false, "default", ""]);
    expect(deferredResponseParts(res)).toEqual({ status: 201, headers: { "content-type": "text/plain" }, setCookies: [], body: "Hello" });
    expect(knownBody(res)).toBe("Hello");
  });

  it("hands over changed headers once they have been read", () => {
    const res = deferResponse("Hello", { "content-type": "text/plain" });
    res.headers.set("x-extra", "1");
    const parts = deferredResponseParts(res)!;
    expect(parts.headers).toBeInstanceOf(Headers);
    expect((parts.headers as Headers).get("x-extra")).toBe("1");
  });

  it("builds the real Response for its body, with the changed headers", async () => {
    const res = deferResponse('{"a":1}', { "content-type": "application/json" }, 202);
    res.headers.append("set-cookie", "a=1");
    const copy = res.clone();
    expect(await res.json()).toEqual({ a: 1 });
    expect(res.bodyUsed).toBe(true);
    expect(await copy.text()).toBe('{"a":1}');
    const real = realResponse(res);
    expect(real).not.toBe(res);
    expect(real.status).toBe(202);
    expect(real.headers.getSetCookie()).toEqual(["a=1"]);
    // Read: only the stream knows what is left, so there is nothing to send whole any more.
    expect(deferredResponseParts(res)).toBeUndefined();
    expect(knownBody(res)).toBeUndefined();
  });

  it("keeps one Headers object, also when a hook reads the body before setting a header", async () => {
    const res = deferResponse("read me", { "content-type": "text/plain" });
    const headers = res.headers;
    headers.set("x-length", String((await res.clone().text()).length));
    expect(res.headers).toBe(headers);
    expect((deferredResponseParts(res)!.headers as Headers).get("x-length")).toBe("7");
    expect(res.clone().headers.get("x-length")).toBe("7");
    expect(realResponse(res).headers.get("x-length")).toBe("7");
    expect(await res.text()).toBe("read me");
  });

  it("takes amended headers and Set-Cookie lines without building Headers, and shows them once built", async () => {
    const shared = Object.freeze({ "content-type": "text/plain" });
    const res = deferResponse("hi", shared);
    const amended = amendDeferredHeaders(res, (headers, setCookies) => {
      headers.vary = "Cookie";
      setCookies.push("a=1; Path=/", "b=2");
    });
    expect(amended).toBe(true);
    expect(shared).toEqual({ "content-type": "text/plain" }); // the record it was given is not changed
    expect(deferredResponseParts(res)).toEqual({
      status: 200,
      headers: { "content-type": "text/plain", vary: "Cookie" },
      setCookies: ["a=1; Path=/", "b=2"],
      body: "hi",
    });
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2"]);
    expect(res.headers.get("vary")).toBe("Cookie");
    expect(realResponse(res).headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2"]);
    // Built now: further changes must go through res.headers.
    expect(amendDeferredHeaders(res, (headers) => void (headers.vary = "x"))).toBe(false);
    expect(res.headers.get("vary")).toBe("Cookie");
  });

  it("refuses to amend a real Response", () => {
    const res = new Response("hi");
    expect(amendDeferredHeaders(res, (headers) => void (headers.vary = "Cookie"))).toBe(false);
    expect(res.headers.get("vary")).toBeNull();
  });

  it("keeps amended Set-Cookie lines when the real Response is built for its body", async () => {
    const res = deferResponse("body", { "content-type": "text/plain" });
    amendDeferredHeaders(res, (_headers, setCookies) => void setCookies.push("s=1"));
    expect(await res.text()).toBe("body");
    expect(realResponse(res).headers.getSetCookie()).toEqual(["s=1"]);
  });

  it("can be copied the way hooks copy responses", async () => {
    const res = deferResponse("hi", { "content-type": "text/plain" }, 203);
    const copy = new Response(res.body, res);
    expect(copy.status).toBe(203);
    expect(copy.headers.get("content-type")).toBe("text/plain");
    expect(await copy.text()).toBe("hi");
  });

  it("leaves a real Response as it is", () => {
    const res = new Response("x");
    expect(realResponse(res)).toBe(res);
    expect(deferredResponseParts(res)).toBeUndefined();
  });
});

describe("whole bodies Vial makes", () => {
  it("are the internal response for returned strings, objects and arrays, and the helpers", async () => {
    const html = makeResponse("<p>hi</p>");
    expect(knownBody(html)).toBe("<p>hi</p>");
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await html.text()).toBe("<p>hi</p>");
    expect(knownBody(makeResponse({ a: [1, null] }))).toBe('{"a":[1,null]}');
    expect(knownBody(makeResponse([1, 2, 3]))).toBe("[1,2,3]");
    expect(knownBody(makeResponse(Object.assign(Object.create(null), { a: 1 })))).toBe('{"a":1}');
    expect(knownBody(makeResponse({ toJSON: () => undefined }))).toBe("");
    expect(knownBody(json([1], { status: 201 }))).toBe("[1]");
    expect(knownBody(text("plain"))).toBe("plain");
  });

  it("stay whole through a [body, status, headers] tuple, and are dropped with a body-less status", async () => {
    const created = makeResponse(["made", 201, { "x-id": "7" }]);
    expect(knownBody(created)).toBe("made");
    expect(created.status).toBe(201);
    expect(created.headers.get("x-id")).toBe("7");
    expect(await created.text()).toBe("made");
    const empty = makeResponse(["", 204]);
    expect(knownBody(empty)).toBeUndefined();
    expect(empty.body).toBeNull();
  });

  it("are a standard Response when a status text is given, and refused as new Response refuses them", async () => {
    const described = deferResponse("x", { "content-type": "text/plain" }, 200, "Fine");
    expect(knownBody(described)).toBeUndefined();
    expect(described.statusText).toBe("Fine");
    expect(await described.text()).toBe("x");
    expect(() => deferResponse("x", {}, 204)).toThrow(TypeError);
    expect(() => deferResponse("x", {}, 700)).toThrow(RangeError);
    expect(() => json(1, { statusText: "bad\nline" })).toThrow(TypeError);
  });

  it("leave streams, bytes and other bodies to a standard Response", () => {
    const generator = (function* () {
      yield "x";
    })();
    for (const value of [new Response("x"), new Uint8Array(1), generator, new Blob(["x"])]) {
      expect(knownBody(makeResponse(value))).toBeUndefined();
    }
  });
});

describe("json() and text()", () => {
  it("make deferred responses, before or after an await", async () => {
    const { json, text } = await import("vial");
    const res = json({ a: 1 }, { status: 201, headers: { "x-id": "7" } });
    expect(deferredResponseParts(res)).toBeDefined();
    expect([res.status, res.headers.get("content-type"), res.headers.get("x-id")]).toEqual([201, "application/json", "7"]);
    expect(await res.json()).toEqual({ a: 1 });
    expect(deferredResponseParts(text("hi"))).toEqual({ status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, setCookies: [], body: "hi" });
    const later = await (async () => {
      await Promise.resolve();
      return json({ b: 2 });
    })();
    expect(deferredResponseParts(later)).toBeDefined();
  });

  it("refuse what a Response refuses, the same way", async () => {
    const { json } = await import("vial");
    expect(() => json({}, { status: 204 })).toThrow(TypeError);
    expect(() => json({}, { status: 99 })).toThrow(RangeError);
    const withText = json({}, { status: 202, statusText: "Accepted" });
    expect(deferredResponseParts(withText)).toBeUndefined();
    expect(withText.statusText).toBe("Accepted");
  });
});

describe("Vial.fetch", () => {
  it("hands a real Response to callers other than vial/node, whatever the handler made", async () => {
    const { Vial, json, text } = await import("vial");
    const app = new Vial();
    app.get("/json", async () => {
      await Promise.resolve();
      return json({ a: 1 }, { headers: { "x-id": "7" } });
    });
    app.get("/text", () => text("hi"));
    app.get("/object", () => ({ b: 2 }));
    for (const path of ["/json", "/text", "/object"]) {
      const res = await app.fetch(new Request(`http://localhost${path}`));
      expect(deferredResponseParts(res)).toBeUndefined();
      expect(realResponse(res)).toBe(res);
    }
    const res = await app.fetch(new Request("http://localhost/json"));
    expect([res.headers.get("x-id"), await res.json()]).toEqual(["7", { a: 1 }]);
  });
});
