import { z } from "zod";
import { Blueprint, Vial, abort, csrf, csrfToken, problemJson, proxyFix, rateLimit, secureHeaders, verifyPassword, type Session } from "vial";
import { books } from "./data";
import { account, createMember, members, publicProfile, type Member } from "./members";
import { pages } from "./pages";
import { KEY_2025, KEY_2026 } from "./secrets";

/** The ids on this visitor's reading list. Only ids live in the cookie: it is small, and readable. */
function readingList(session: Session): number[] {
  return session.get<number[]>("reading_list", []);
}

/** What the client sees: the books themselves, looked up from the ids. */
function listAnswer(ids: number[]) {
  return { books: ids.map((id) => books.find((book) => book.id === id)).filter((book) => book !== undefined) };
}

/** The logged-in member, looked up fresh on every request from the id in the session. */
function currentMember(session: Session): Member | undefined {
  const id = session.get<number>("member_id");
  return members.find((member) => member.id === id);
}

/**
 * A hash of a password nobody has, in the same format and cost as the members' hashes. Verifying
 * against it when the username is unknown makes that failure as slow as a wrong password, so
 * response times do not tell which usernames exist.
 */
const DUMMY_HASH = "pbkdf2:sha256:600000$f4G5ElYGhkaip1K2$54fc540e3f4f726cac435fec7bc26a1b39bc7c7088563947b805fec8e9e307c8";

/**
 * What a login must look like. The limits are the sign-up's: no real username or password is
 * longer, so nothing longer is worth hashing.
 */
const Login = z.object({
  username: z.string().max(20),
  password: z.string().max(128),
  remember: z.boolean().default(false),
});

// Emails are tidied before the format check: steps run in the order they are written.
const Email = z.string().trim().toLowerCase().pipe(z.email());
const Interests = z.array(z.string().min(1).max(30)).max(5);

/**
 * What a sign-up must look like. Fields the schema does not list (a `role`, an `id`) are dropped,
 * so a client cannot choose them.
 */
const SignUp = z.object({
  username: z.string().regex(/^[a-z0-9_]{3,20}$/, "Use 3 to 20 lower-case letters, digits or underscores"),
  email: Email,
  // The upper limit stops a client from making the server hash a megabyte of "password".
  password: z.string().min(12).max(128),
  interests: Interests.default([]),
});

/** A 409 problem, the same shape as the validation problems. */
function conflict(detail: string): Response {
  return problemJson({ type: "about:blank", title: "Conflict", status: 409, detail });
}

/** `?interest=chess&interest=go&limit=10&page=2`. Query values are text, so numbers are coerced. */
const MemberSearch = z.object({
  // A key sent once still fits an array: Vial retries it as a one-item list.
  interest: z.array(z.string()).default([]),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  page: z.coerce.number().int().min(1).default(1),
});

/**
 * A client's own id for the request, echoed back so both sides can find it in their logs.
 * Bounded, because whatever is accepted here ends up in log lines and other services' headers.
 */
const Tracing = z.object({
  "x-request-id": z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "Use 8 to 64 letters, digits or dashes").optional(),
});

/** `/members/joined/2024-03-01`: a real calendar date, or a 422 that says so. */
const JoinedOn = z.object({ day: z.iso.date() });

/** What anyone may see of a member: an allowlist, so a field added to Member later stays private. */
const PublicProfile = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.enum(["member", "admin"]),
  interests: z.array(z.string()),
  joined: z.string(),
});

/** What the member themselves may see. */
const Account = PublicProfile.extend({ email: z.string() });

/** What a member may change of their own profile. No defaults: a field left out stays as it is. */
const ProfileChange = z.object({ email: Email, interests: Interests }).partial();

/**
 * Keys anyone can read: this course's development keys, and the two in secrets.ts, which are in
 * git. Whoever knows one can sign sessions with it.
 */
const PUBLISHED_KEYS = ["dev-only-secret", "dev-only: not a secret, set VIAL_SECRET_KEY in production", KEY_2025, KEY_2026];

/** Shorter keys can be guessed, or were typed by a person rather than generated. */
const MIN_KEY_LENGTH = 32;

/** Why `key` must not sign or verify sessions, or undefined when it may. */
function weakness(key: unknown): string | undefined {
  // Values are parsed as JSON when they parse, so VIAL_SECRET_KEY=12345 would be a number.
  if (typeof key !== "string" || key === "") return "must be set to a string";
  if (key.length < MIN_KEY_LENGTH) return `is shorter than ${MIN_KEY_LENGTH} characters`;
  if (PUBLISHED_KEYS.includes(key)) return "is a published key";
  return undefined;
}

/**
 * Throws unless the signing key and every fallback are strong. A fallback still verifies
 * cookies, so a weak one lets anyone sign a session just as a weak SECRET_KEY would.
 */
function refuseWeakKeys(key: unknown, fallbacks: unknown): void {
  const fix = "set it to a long random string, e.g. the output of `openssl rand -hex 32`";
  const problem = weakness(key);
  if (problem) throw new Error(`The library needs a strong secret key: VIAL_SECRET_KEY ${problem}; ${fix}.`);
  if (!Array.isArray(fallbacks)) throw new Error("VIAL_SECRET_KEY_FALLBACKS must be a JSON list of keys.");
  fallbacks.forEach((fallback, index) => {
    const weak = weakness(fallback);
    if (weak) throw new Error(`VIAL_SECRET_KEY_FALLBACKS[${index}] ${weak}; remove it or ${fix}.`);
  });
}

/** Environment variables by name, like `process.env` in Node. */
export type Env = Record<string, string | undefined>;

/**
 * Builds the library's app, configured by `env`. Production calls `createApp(process.env)` from
 * a server file; the checks call it with settings of their own.
 */
export function createApp(env: Env): Vial {
  // Safe defaults: what production gets when the environment says nothing. No DEBUG here (it
  // is off unless VIAL_DEBUG=true) and no SECRET_KEY (a key in the code is a key in git).
  const app = new Vial({
    config: {
      // A default so the app always starts; production sets VIAL_SECRET_KEY, which wins.
      SECRET_KEY: "library-default-key-please-change-me-before-launch",
      SESSION_COOKIE_SECURE: true,
      SESSION_COOKIE_SAMESITE: "Lax",
      SESSION_COOKIE_HTTPONLY: true,
    },
  });
  // VIAL_SECRET_KEY, VIAL_DEBUG, VIAL_TRUSTED_HOSTS='["library.example"]' and so on.
  app.config.fromEnv("VIAL", env);
  refuseWeakKeys(app.config.SECRET_KEY, app.config.SECRET_KEY_FALLBACKS);

  // Production runs behind exactly one nginx, which sets X-Forwarded-For, -Proto and -Host.
  // Trust one hop of each: anything further left in those headers came from the client.
  // Development (VIAL_DEBUG=true) is reached directly, with no nginx in front: there the
  // headers could only come from the client, so they are not trusted at all.
  if (!app.config.DEBUG) app.use(proxyFix({ xFor: 1, xProto: 1, xHost: 1 }));

  // An after-request hook: every answer gets the headers, JSON, error pages and redirects included.
  app.use(
    secureHeaders({
      // The default policy, but no site (not even this one) may frame the library's pages.
      contentSecurityPolicy: { frameAncestors: ["'none'"] },
      xFrameOptions: "DENY",
    }),
  );

  // Every POST, PUT, PATCH and DELETE must carry this session's token and come from the library's
  // own pages: the visitors' book form sends it in a hidden field, scripts in X-CSRF-Token.
  app.use(csrf());

  // The visitors' book: the library's HTML pages.
  app.register(pages);

  // The token for scripts that call the JSON API. Another site may send this request, but the
  // same-origin policy keeps it from reading the answer.
  app.get("/csrf-token", (req) => ({ csrfToken: csrfToken(req) }));

  app.get("/books", () => books);

  // Fails on purpose: it stands for any bug that reaches production. Its error message holds
  // a database password, as real error messages often do.
  app.get("/stats", function stats() {
    throw new Error("could not connect to postgres://library:hunter2@db.internal:5432/library");
  });

  // Counts this visitor's visits.
  app.get("/visits", (req) => {
    const visits = req.session.get<number>("visits", 0) + 1;
    req.session.set("visits", visits);
    return { visits };
  });

  app.get("/reading-list", (req) => listAnswer(readingList(req.session)));

  app.post("/reading-list", async (req) => {
    const input = await req.json<{ bookId?: unknown } | null>();
    const book = books.find((candidate) => candidate.id === input?.bookId) ?? abort(404, "There is no such book.");
    const ids = readingList(req.session);
    // Set a new array rather than pushing onto the old one: the session only notices set().
    if (!ids.includes(book.id)) req.session.set("reading_list", [...ids, book.id]);
    return listAnswer(readingList(req.session));
  });

  // Forgets the reading list and nothing else: the visit count stays.
  app.delete("/reading-list", (req) => {
    req.session.delete("reading_list");
    return listAnswer([]);
  });

  // Forgets everything. An empty session makes Vial delete the cookie.
  app.delete("/session", (req) => {
    req.session.clear();
    return { forgotten: true };
  });

  // Members stay logged in for a week when they ask to be remembered.
  app.config.PERMANENT_SESSION_LIFETIME = 7 * 24 * 60 * 60;

  // The login lives in a blueprint of its own so that the strict limit applies to it only: five
  // attempts a minute per client is plenty for a person and far too few for a guesser.
  const auth = new Blueprint("auth");
  auth.use(rateLimit({ window: 60, max: 5, name: "login" }));

  auth.post("/login", { body: Login }, async (req) => {
    const { username, password, remember } = req.body;
    const member = members.find((candidate) => candidate.username === username);
    // Always one password check, and one answer for "no such member" and "wrong password", so
    // neither the answer nor its timing tells anyone which usernames exist.
    const matches = await verifyPassword(member?.passwordHash ?? DUMMY_HASH, password);
    if (!member || !matches) {
      return [{ error: "Wrong username or password." }, 401];
    }
    // A new session for the member: nothing stored before the login carries over.
    req.session.clear();
    // The id, not the member: the cookie is readable, and the record may change after login.
    req.session.set("member_id", member.id);
    req.session.permanent = remember;
    return { username: member.username, name: member.name };
  });

  app.register(auth);

  app.get("/me", (req) => {
    const member = currentMember(req.session);
    if (!member) return [{ error: "You are not logged in." }, 401];
    return { username: member.username, name: member.name };
  });

  // Logging out forgets everything, reading list included: the next person at this computer
  // should find nothing of the last one's.
  app.post("/logout", (req) => {
    req.session.clear();
    return { loggedOut: true };
  });

  // The handler only runs for a valid body; req.body is the schema's output (email already lower-cased).
  app.post("/members", { body: SignUp }, async (req) => {
    const { username, email } = req.body;
    // Uniqueness depends on the data, not on the request alone, so it is the handler's job.
    if (members.some((member) => member.username === username || member.email === email)) {
      return conflict("That username or email is already registered.");
    }
    return [account(await createMember(req.body)), 201];
  });

  // Both locations are checked before the handler runs, and every failure is listed in one answer.
  app.get("/members", { query: MemberSearch, headers: Tracing }, (req) => {
    const { interest, limit, page } = req.query;
    const matching = members.filter((member) => interest.every((wanted) => member.interests.includes(wanted)));
    const onPage = matching.slice((page - 1) * limit, page * limit).map(publicProfile);
    // req.headers is now the schema's output: a plain object holding only the declared headers.
    const requestId = req.headers["x-request-id"];
    return [onPage, 200, requestId ? { "X-Request-Id": requestId } : {}];
  });

  app.get("/members/joined/<day>", { params: JoinedOn }, (req) => {
    return members.filter((member) => member.joined === req.params.day).map(publicProfile);
  });

  // Every validation problem keeps its RFC 9457 members and gains `fields`, which a form can use
  // directly: { "email": "Invalid email address" }. Object.fromEntries makes plain own properties.
  app.validationErrorHandler((problem) => {
    const fields = Object.fromEntries(
      problem.errors.map((error) => [error.path.length > 0 ? error.path.join(".") : error.location, error.message]),
    );
    return problemJson({ ...problem, fields });
  });

  // The handler returns the stored record; the response schema sends only the public fields.
  app.get("/members/<int:id>", { response: PublicProfile }, (req) => {
    return members.find((member) => member.id === req.params.id) ?? abort(404, `There is no member ${req.params.id}.`);
  });

  // Who is editing comes from the signed session, never from the request: a member can only
  // change their own profile. Object.assign is safe because req.body holds only the fields
  // ProfileChange declares, and the answer is trimmed to Account.
  app.patch("/me", { body: ProfileChange, response: Account }, (req) => {
    const member = currentMember(req.session);
    if (!member) return [{ error: "You are not logged in." }, 401];
    const { email } = req.body;
    if (email !== undefined && members.some((other) => other.id !== member.id && other.email === email)) {
      return conflict("That email is already registered.");
    }
    return Object.assign(member, req.body);
  });

  return app;
}

/**
 * The app the preview runs: development settings, as a developer's shell would set them. Its key
 * is drawn at each start, so no key is written down anywhere (sessions end when it restarts).
 */
export const app = createApp({
  VIAL_DEBUG: "true",
  VIAL_SECRET_KEY: `${crypto.randomUUID()}${crypto.randomUUID()}`,
  VIAL_SESSION_COOKIE_SECURE: "false",
});
