import { describe, expect, it } from "vitest";
import { sessionSerializer } from "vial/signing";
import { probeGuardedRoutes, type GuardedRoutesOptions } from "../../../../sandbox/grader/attack/guarded";
import { http, random } from "./apps";
import { notebookApp, type NotebookMistakes } from "./notebook-app";

function probe(mistakes: NotebookMistakes, extra: Partial<GuardedRoutesOptions> = {}) {
  const { app, notes } = notebookApp(mistakes);
  const before = JSON.stringify(notes);
  return probeGuardedRoutes(http, random(), app, {
    prefix: "/my/",
    refused: [401],
    body: { title: "changed" },
    sign: (key, data) => sessionSerializer(key).dumps(data),
    intact: () => (JSON.stringify(notes) === before ? undefined : "the notes changed"),
    allowed: (client) => client.post("/login", { json: { member: 1 } }),
    ...extra,
  });
}

describe("the guarded-routes probe", () => {
  it("passes a blueprint whose beforeRequest hook reads the signed session", async () => {
    expect(await probe({})).toEqual([]);
  });

  it("catches a guard that trusts a plain member_id cookie", async () => {
    const messages = (await probe({ plainCookie: true })).map((found) => found.message);
    expect(messages[0]).toBe('GET /my/notes (route /my/notes) from a visitor who never logged in, sending Cookie: member_id=1 answered 200 "[{\\"id\\":1,\\"owner\\":1,\\"title\\":\\"ada\'s private plan\\"}]", not 401: the route is not behind the guard');
    // Each method of each route is reported once (DELETE as a change to the data the PUT left), and
    // the member who logged in properly is refused, since the guard never reads the session.
    expect(messages.map((message) => message.split(" from ")[0])).toEqual(["GET /my/notes (route /my/notes)", "GET /my/notes/1 (route /my/notes/<int:id>)", "PUT /my/notes/1 (route /my/notes/<int:id>)", "DELETE /my/notes/1", "GET /my/notes"]);
  });

  it("catches the one route registered outside the guarded blueprint, from the URL map", async () => {
    const messages = (await probe({ routeOutsideGuard: true })).map((found) => found.message);
    expect(messages).toEqual(['DELETE /my/notes/1 (route /my/notes/<int:id>) from a visitor who never logged in answered 404 "{\\"error\\":\\"no such note\\"}", not 401: the route is not behind the guard']);
  });

  it("catches a guard that refuses everyone, through the visitor who may pass", async () => {
    const messages = (await probe({ refuseEveryone: true })).map((found) => found.message);
    expect(messages).toEqual(['GET /my/notes from a visitor who may pass answered 401 "{\\"error\\":\\"log in first\\"}": the guard refuses everyone, or the route is broken']);
  });

  it("catches a handler that changed the data before refusing, through intact()", async () => {
    let calls = 0;
    const findings = await probe({}, { intact: () => (++calls === 1 ? "a note was deleted" : undefined) });
    expect(findings.map((found) => found.message)).toEqual(["PUT /my/notes/1 from a visitor who never logged in answered 401, yet afterwards a note was deleted: the handler ran before the refusal"]);
  });

  it("tries a logged-in visitor without the right when `as` is given", async () => {
    const findings = await probe({}, { as: (client) => client.post("/login", { json: { member: 2 } }), allowed: undefined });
    expect(findings.map((found) => found.message)[0]).toMatch(/^GET \/my\/notes \(route \/my\/notes\) from a logged-in visitor without the right answered 200/);
  });

  it("says so when no route has the prefix", async () => {
    const findings = await probe({}, { prefix: "/admin/" });
    expect(findings.map((found) => found.message)).toEqual(["found no routes under /admin/ in the app's URL map: is the blueprint registered there?"]);
  });
});
