import { z } from "zod";
import { Vial, problemJson } from "vial";
import { account, addUser, publicProfile, users } from "./data";

export const app = new Vial();

/**
 * What a sign-up must look like. Fields the schema does not list (a `role`, an `id`) are dropped,
 * so a client cannot choose them.
 */
const SignUp = z.object({
  username: z.string().regex(/^[a-z0-9_]{3,20}$/, "Use 3 to 20 lower-case letters, digits or underscores"),
  // Steps run in the order they are written: tidy the text first, then check it is an email.
  email: z.string().trim().toLowerCase().pipe(z.email()),
  // The upper limit stops a client from making the server hash a megabyte of "password".
  password: z.string().min(12).max(128),
  interests: z.array(z.string().min(1).max(30)).max(5).default([]),
});

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
  "x-request-id": z.string().optional(),
});

/** `/users/joined/2024-03-01`: a real calendar date, or a 422 that says so. */
const JoinedOn = z.object({ day: z.iso.date() });

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

// The handler only runs for a valid body; req.body is the schema's output (email already lower-cased).
app.post("/users", { body: SignUp }, async (req) => {
  const { username, email } = req.body;
  // Uniqueness depends on the data, not on the request alone, so it is the handler's job.
  if (users.some((user) => user.username === username || user.email === email)) {
    return problemJson({ type: "about:blank", title: "Conflict", status: 409, detail: "That username or email is already registered." });
  }
  return [account(await addUser(req.body)), 201];
});
