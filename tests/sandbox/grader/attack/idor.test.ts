import { describe, expect, it } from "vitest";
import { probeIdor, type IdorOptions } from "../../../../sandbox/grader/attack/idor";
import { http } from "./apps";
import { notebookApp, type NotebookMistakes } from "./notebook-app";

/** Bob (member 2) tries Ada's note 1; note 999 does not exist. */
function probe(mistakes: NotebookMistakes, extra: Partial<IdorOptions> = {}) {
  const { app, notes } = notebookApp(mistakes);
  const before = JSON.stringify(notes);
  return probeIdor(http, app, {
    intruder: (client) => client.post("/login", { json: { member: 2 } }),
    ids: [1],
    missing: 999,
    prefix: "/my/",
    body: { title: "bob was here" },
    secrets: ["ada's private plan"],
    intact: () => (JSON.stringify(notes) === before ? undefined : "Ada's note changed"),
    ...extra,
  });
}

describe("the IDOR probe", () => {
  it("passes an app that answers another's note exactly like a missing one", async () => {
    expect(await probe({})).toEqual([]);
  });

  it("catches ownership checked on read but not on update and delete", async () => {
    const messages = (await probe({ ownerOnReadOnly: true })).map((found) => found.message);
    expect(messages).toEqual([
      `PUT /my/notes/1, another member's record, sent by a member who does not own it, answered 200 "{\\"id\\":1,\\"owner\\":1,\\"title\\":\\"bob was here\\"}": the route does not check who owns the record`,
      `DELETE /my/notes/1, another member's record, sent by a member who does not own it, answered 204 "": the route does not check who owns the record`,
    ]);
  });

  it("catches 403 for another's note beside 404 for a missing one", async () => {
    const messages = (await probe({ forbiddenForOthers: true })).map((found) => found.message);
    expect(messages[0]).toBe("GET /my/notes/1, another member's record, answered 403 {error: string}, but GET /my/notes/999, a record that does not exist, answered 404 {error: string}: the difference tells the member the record exists");
    expect(messages.length).toBe(3);
  });

  it("accepts 403 for another's note when the lesson chose it (sameAsMissing: false)", async () => {
    expect(await probe({ forbiddenForOthers: true }, { sameAsMissing: false })).toEqual([]);
  });

  it("catches a refusal that quotes the record", async () => {
    const messages = (await probe({ titleInError: true })).map((found) => found.message);
    expect(messages[0]).toBe(`GET /my/notes/1, another member's record, answered 404 with its text "ada's private plan" in the body`);
  });

  it("catches a change made before the refusal, through intact()", async () => {
    let calls = 0;
    const findings = await probe({}, { intact: () => (++calls === 2 ? "Ada's note lost its title" : undefined) });
    expect(findings.map((found) => found.message)).toEqual(["DELETE /my/notes/1, another member's record, answered 404, yet afterwards Ada's note lost its title: the change happened before (or without) the ownership check"]);
  });

  it("catches an owner taken from the query string, through ownerFields", async () => {
    expect(await probe({ ownerFromQuery: true })).toEqual([]);
    const messages = (await probe({ ownerFromQuery: true }, { ownerFields: { as: 1 } })).map((found) => found.message);
    expect(messages[0]).toBe(`GET /my/notes/1?as=1 (the owner named in the query), another member's record, sent by a member who does not own it, answered 200 "{\\"id\\":1,\\"owner\\":1,\\"title\\":\\"ada's private plan\\"}": the route does not check who owns the record`);
    expect(messages.length).toBe(3);
  });

  it("says so when no route has the id variable", async () => {
    const findings = await probe({}, { param: "noteId" });
    expect(findings.map((found) => found.message)).toEqual(["found no routes with an <noteId> variable under /my/ in the app's URL map"]);
  });
});
