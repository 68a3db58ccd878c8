import { z } from "zod";
import { Vial, abort, problemJson } from "vial";
import { account, addUser, publicProfile, users, type User } from "./data";

export const app = new Vial();

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

/** What a member may change. No defaults: a field left out of a PATCH stays as it is. */
const ProfileChange = z.looseObject({ email: Email, interests: Interests }).partial();

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

/** `/users/joined/2024-03-01`: a real calendar date, or a 422 that says so. */
const JoinedOn = z.object({ day: z.iso.date() });

/** What anyone may see of a member: an allowlist, so a field added to User later stays private. */
const PublicProfile = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(["member", "admin"]),
  interests: z.array(z.string()),
  joined: z.string(),
});

/** What the member themselves may see. */
const Account = PublicProfile.extend({ email: z.string() });

// Every validation problem keeps its RFC 9457 members and gains `fields`, which a form can use
// directly: { "email": "Invalid email address" }. Object.fromEntries makes plain own properties.
app.validationErrorHandler((problem) => {
  const fields = Object.fromEntries(
    problem.errors.map((error) => [error.path.length > 0 ? error.path.join(".") : error.location, error.message]),
  );
  return problemJson({ ...problem, fields });
});

function findUser(id: number): User {
  return users.find((user) => user.id === id) ?? abort(404, `There is no member ${id}.`);
}

/** A 409 problem, the same shape as the validation problems. */
function conflict(detail: string): Response {
  return problemJson({ type: "about:blank", title: "Conflict", status: 409, detail });
}

// Both locations are checked before the handler runs, and every failure is listed in one answer.
app.get("/users", { query: MemberSearch, headers: Tracing }, (req) => {
  const { interest, limit, page } = req.query;
  const matching = users.filter((user) => interest.every((wanted) => user.interests.includes(wanted)));
  const onPage = matching.slice((page - 1) * limit, page * limit).map(publicProfile);
  // req.headers is now the schema's output: a plain object holding only the declared headers.
  const requestId = req.headers["x-request-id"];
  return [onPage, 200, requestId ? { "X-Request-Id": requestId } : {}];
});

app.get("/users/joined/<day>", { params: JoinedOn }, (req) => {
  return users.filter((user) => user.joined === req.params.day).map(publicProfile);
});

// The handler returns the stored record; the response schema sends only the public fields.
app.get("/users/<int:id>", { response: PublicProfile }, (req) => findUser(req.params.id));

// Object.assign is safe here: req.body holds only the fields ProfileChange declares, so a
// client cannot set its role or password hash, and the answer is trimmed to Account.
app.patch("/users/<int:id>", { body: ProfileChange, response: Account }, (req) => {
  const user = findUser(req.params.id);
  const { email } = req.body;
  if (email !== undefined && users.some((other) => other.id !== user.id && other.email === email)) {
    return conflict("That email is already registered.");
  }
  return Object.assign(user, req.body);
});

// The handler only runs for a valid body; req.body is the schema's output (email already lower-cased).
app.post("/users", { body: SignUp }, async (req) => {
  const { username, email } = req.body;
  // Uniqueness depends on the data, not on the request alone, so it is the handler's job.
  if (users.some((user) => user.username === username || user.email === email)) {
    return conflict("That username or email is already registered.");
  }
  return [account(await addUser(req.body)), 201];
});
