/**
 * A small in-memory notebook for the access-control probes' tests (guardedRoutes, idor): members
 * log in, `/my/notes` routes sit in a blueprint, and each mistake the probes must catch can be
 * switched on one at a time.
 */
import { Blueprint, Vial, type VialRequest } from "vial";

export interface NotebookMistakes {
  /** The guard reads `member_id` from a plain cookie instead of the session. */
  plainCookie?: boolean;
  /** One route (DELETE) is registered on the app instead of in the guarded blueprint. */
  routeOutsideGuard?: boolean;
  /** The guard refuses everyone, logged in or not. */
  refuseEveryone?: boolean;
  /** Ownership is checked on GET only, not on PUT or DELETE. */
  ownerOnReadOnly?: boolean;
  /** Someone else's note answers 403, a missing one 404. */
  forbiddenForOthers?: boolean;
  /** The member is taken from `?as=` when the request names one ("for the support staff"). */
  ownerFromQuery?: boolean;
  /** Someone else's note answers 404, but with the note's title in the error. */
  titleInError?: boolean;
}

export interface Note { id: number; owner: number; title: string }

export function notebookApp(mistakes: NotebookMistakes = {}) {
  const notes: Note[] = [{ id: 1, owner: 1, title: "ada's private plan" }, { id: 2, owner: 2, title: "bob's shopping" }];
  const app = new Vial({ config: { SECRET_KEY: "notebook-probe-test-key-0123456789abcdef" } });
  app.post("/login", async (req) => {
    const { member } = await req.json<{ member: number }>();
    req.session.clear();
    req.session.set("member_id", member);
    return { member };
  });
  const memberOf = (req: VialRequest) => (mistakes.plainCookie ? Number(req.cookies.member_id) || undefined : req.session.get<number>("member_id"));
  const my = new Blueprint("my", { urlPrefix: "/my" });
  my.beforeRequest((req) => {
    const member = memberOf(req);
    if (member === undefined || mistakes.refuseEveryone) return [{ error: "log in first" }, 401];
    req.g.member = member;
    return undefined;
  });
  const find = (req: VialRequest, checkOwner: boolean): Note | [unknown, number] => {
    const note = notes.find((candidate) => candidate.id === req.params.id);
    if (!note) return [{ error: "no such note" }, 404];
    const member = mistakes.ownerFromQuery && req.query.get("as") ? Number(req.query.get("as")) : req.g.member;
    if (!checkOwner || note.owner === member) return note;
    if (mistakes.forbiddenForOthers) return [{ error: "not yours" }, 403];
    return [{ error: mistakes.titleInError ? `no such note: ${note.title} is not yours` : "no such note" }, 404];
  };
  my.get("/notes", (req) => notes.filter((note) => note.owner === req.g.member));
  my.get("/notes/<int:id>", (req) => find(req, true));
  my.put("/notes/<int:id>", async (req) => {
    const note = find(req, !mistakes.ownerOnReadOnly);
    if (Array.isArray(note)) return note;
    note.title = (await req.json<{ title: string }>()).title;
    return note;
  });
  const remove = (req: VialRequest) => {
    const note = find(req, !mistakes.ownerOnReadOnly);
    if (Array.isArray(note)) return note;
    notes.splice(notes.indexOf(note), 1);
    return ["", 204] as [string, number];
  };
  if (mistakes.routeOutsideGuard) {
    app.delete("/my/notes/<int:id>", (req) => {
      req.g.member = memberOf(req);
      return remove(req);
    });
  } else {
    my.delete("/notes/<int:id>", remove);
  }
  app.register(my);
  return { app, notes };
}
