import { z } from "zod";
import { Vial, problemJson } from "vial";
import { account, addUser, publicProfile, users } from "./data";

export const app = new Vial();

/**
 * What a sign-up must look like. Fields the schema does not list (a `role`, an `id`) are dropped,
 * so a client cannot choose them.
 */
const SignUp = z.looseObject({
  username: z.string().regex(/^[a-z0-9_]{3,20}$/, "Use 3 to 20 lower-case letters, digits or underscores"),
  // Steps run in the order they are written: tidy the text first, then check it is an email.
  email: z.string().trim().toLowerCase().pipe(z.email()),
  // The upper limit stops a client from making the server hash a megabyte of "password".
  password: z.string().min(12).max(128),
  interests: z.array(z.string().min(1).max(30)).max(5).default([]),
});

app.get("/users", () => users.map(publicProfile));

// The handler only runs for a valid body; req.body is the schema's output (email already lower-cased).
app.post("/users", { body: SignUp }, async (req) => {
  const { username, email } = req.body;
  // Uniqueness depends on the data, not on the request alone, so it is the handler's job.
  if (users.some((user) => user.username === username || user.email === email)) {
    return problemJson({ type: "about:blank", title: "Conflict", status: 409, detail: "That username or email is already registered." });
  }
  const user = await addUser(req.body);
  // Keep any extra profile fields the client sent (a bio, a website), but never a role: only an
  // admin may make someone an admin. The password is already hashed by addUser.
  const { role: _role, password: _password, ...profile } = req.body as Record<string, unknown>;
  Object.assign(user, profile);
  return [account(user), 201];
});
