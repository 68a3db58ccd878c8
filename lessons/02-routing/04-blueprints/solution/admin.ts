import { Blueprint } from "vial";
import { books, loans } from "./data";

/** Pages for the library staff. */
export const admin = new Blueprint("admin", { urlPrefix: "/admin" });

/** The staff's token. A later chapter moves secrets like this one into configuration. */
export const ADMIN_TOKEN = "library-staff-only";

/**
 * Whether two texts are equal, in a time that does not depend on where they differ: `!==` stops
 * at the first difference, which lets an attacker time their way to the token.
 */
function sameSecret(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) difference |= (given.charCodeAt(i) | 0) ^ expected.charCodeAt(i);
  return difference === 0;
}

// Runs before every admin route, and only those. Returning a response ends the request here.
admin.beforeRequest((req) => {
  if (!sameSecret(req.headers.get("authorization") ?? "", `Bearer ${ADMIN_TOKEN}`)) {
    return [{ error: "This page is for library staff; send Authorization: Bearer <token>." }, 401, { "WWW-Authenticate": "Bearer" }];
  }
  return undefined;
});

admin.get("/stats", function stats() {
  return { books: books.length, loans: Object.keys(loans).length };
});
