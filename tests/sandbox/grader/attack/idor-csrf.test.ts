/**
 * attack.idor against an app of HTML forms behind `csrf()`: the probe must load a page as the
 * member and send the form's token, as the member's browser does; without it every POST was
 * refused by csrf() (403 for another's note and for a missing one alike) and a POST IDOR hid.
 */
import { describe, expect, it } from "vitest";
import { csrf, csrfToken, html, redirect, Vial } from "vial";
import { probeIdor } from "../../../../sandbox/grader/attack/idor";
import { http } from "./apps";

/** Members log in at /login/<n>; /notes lists their notes with a delete form each; `/` only links there. */
function formsApp(ownerChecked: boolean) {
  const notes = [{ id: 1, owner: 1, title: "ada's private plan" }, { id: 2, owner: 2, title: "bob's shopping" }];
  const app = new Vial({ config: { SECRET_KEY: "idor-csrf-probe-test-key-0123456789abcdef" } });
  app.use(csrf());
  app.get("/", () => html`<a href="/notes">Your notes</a>`);
  app.get("/login/<int:member>", (req) => {
    req.session.clear();
    req.session.set("member", req.params.member);
    return redirect("/notes");
  });
  app.get("/notes", (req) => {
    const member = req.session.get<number>("member");
    return html`<ul>${notes.filter((note) => note.owner === member).map((note) => html`<li>${note.title}
<form method="post" action="/notes/${note.id}/delete"><input type="hidden" name="csrf_token" value="${csrfToken(req)}"><button>Delete</button></form></li>`)}</ul>`;
  });
  app.post("/notes/<int:id>/delete", (req) => {
    const member = req.session.get<number>("member");
    const index = notes.findIndex((note) => note.id === req.params.id && (!ownerChecked || note.owner === member));
    if (index < 0) return [html`<p>No such note.</p>`, 404];
    notes.splice(index, 1);
    return redirect("/notes", 303);
  });
  return { app, notes };
}

function probe(ownerChecked: boolean, csrfOption?: false) {
  const { app, notes } = formsApp(ownerChecked);
  const before = JSON.stringify(notes);
  return probeIdor(http, app, {
    intruder: (client) => client.get("/login/2"),
    ids: [1],
    missing: 999,
    prefix: "/notes/",
    form: {},
    intact: () => (JSON.stringify(notes) === before ? undefined : "Ada's note is gone"),
    ...(csrfOption === false ? { csrf: false } : {}),
  });
}

describe("the IDOR probe behind csrf()", () => {
  it("finds a POST IDOR, sending the token a member's browser has from the page's form", async () => {
    const messages = (await probe(false)).map((found) => found.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^POST \/notes\/1\/delete, another member's record, sent by a member who does not own it, answered 303 .*: the route does not check who owns the record$/);
  });

  it("passes the app that checks the owner", async () => {
    expect(await probe(true)).toEqual([]);
  });

  it("without the token (csrf: false) csrf() refuses everything and the IDOR hides, as it did before", async () => {
    expect(await probe(false, false)).toEqual([]);
  });
});
