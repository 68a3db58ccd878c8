import { Blueprint } from "vial";
import { books, loans } from "./data";

/** Pages for the library staff. */
export const admin = new Blueprint("admin", { urlPrefix: "/admin" });

/** The staff's token. A later chapter moves secrets like this one into configuration. */
export const ADMIN_TOKEN = "library-staff-only";

// Runs before every admin route, and only those. Returning a response ends the request here.
admin.beforeRequest((req) => {
  if (req.headers.get("authorization") !== `Bearer ${ADMIN_TOKEN}`) {
    return [{ error: "This page is for library staff; send Authorization: Bearer <token>." }, 401, { "WWW-Authenticate": "Bearer" }];
  }
  return undefined;
});

admin.get("/stats", function stats() {
  return { books: books.length, loans: Object.keys(loans).length };
});
