import { describe, expect, it } from "vitest";
import { FRAMING_NOTE_ATTRIBUTE, liftFramingRefusal, withFramingNote } from "../../../sandbox/engines/worker/preview-framing";
import { previewResponseParts } from "../../../sandbox/engines/worker/preview-protocol";
import { previewPolicy } from "../../../sandbox/engines/worker/preview-policy";

describe("the preview's framing exception", () => {
  it("lifts frame-ancestors and X-Frame-Options and keeps the rest of the app's policy", () => {
    expect(liftFramingRefusal([
      ["X-Frame-Options", "DENY"],
      ["Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; object-src 'none'"],
      ["X-Content-Type-Options", "nosniff"],
    ])).toEqual({
      headers: [["Content-Security-Policy", "default-src 'self'; object-src 'none'"], ["X-Content-Type-Options", "nosniff"]],
      refused: ["X-Frame-Options: DENY", "frame-ancestors 'none'"],
    });
  });

  it("leaves an app that allows framing untouched", () => {
    const headers: [string, string][] = [["Content-Security-Policy", "default-src 'self'"]];
    expect(liftFramingRefusal(headers)).toEqual({ headers, refused: [] });
  });

  it("drops a policy that only forbade framing", () => {
    expect(liftFramingRefusal([["content-security-policy", "frame-ancestors 'none'"]])).toEqual({ headers: [], refused: ["frame-ancestors 'none'"] });
  });

  it("puts the note first in the body, escaped", () => {
    const page = withFramingNote('<html><body class="x"><h1>Guestbook</h1></body></html>', ["frame-ancestors 'none'", "X-Frame-Options: DENY"]);
    expect(page).toMatch(new RegExp(`^<html><body class="x"><p role="note" ${FRAMING_NOTE_ATTRIBUTE}>Preview note: this app forbids being shown in a frame \\(frame-ancestors 'none' and X-Frame-Options: DENY\\), and that is right: .*clickjacking.*</p><h1>Guestbook</h1>`));
    expect(withFramingNote("<h1>x</h1>", ["X-Frame-Options: <DENY>"])).toMatch(/^<p role="note"[^>]*>.*X-Frame-Options: &lt;DENY&gt;.*<\/p><h1>x<\/h1>$/);
  });

  it("is applied to preview responses: a secureHeaders() page can be framed and says why it normally cannot", () => {
    const context = { origin: "http://learn.test", previewRoot: "/preview/ab", method: "GET" };
    const { init, body } = previewResponseParts({
      status: 200, statusText: "",
      headers: [["Content-Type", "text/html"], ["X-Frame-Options", "DENY"], ["Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"]],
      body: new TextEncoder().encode("<body><p>hi</p></body>").buffer as ArrayBuffer,
    }, context);
    const headers = init.headers as [string, string][];
    expect(headers.filter(([name]) => /x-frame-options/i.test(name))).toEqual([]);
    expect(headers.filter(([name]) => /content-security-policy/i.test(name)).map(([, value]) => value)).toEqual(["default-src 'self'", previewPolicy(context.origin, context.previewRoot)]);
    expect(new TextDecoder().decode(body!)).toMatch(new RegExp(`^<body><p role="note" ${FRAMING_NOTE_ATTRIBUTE}>`));
  });
});
