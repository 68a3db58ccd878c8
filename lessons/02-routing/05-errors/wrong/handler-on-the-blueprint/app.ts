import { HTTPError, Vial, json } from "vial";
import { admin } from "./admin";
import { api } from "./api";

export const app = new Vial();

app.register(api);
app.register(admin);

// Every HTTP error of the API answers JSON: 404s and 405s from routing (which never reach the
// blueprint), abort() calls, and the 500 that replaces an unhandled exception. The description
// of a 500 is generic, so nothing from the exception leaks to the client.
api.errorHandler(HTTPError, (err) => {
  return json({ error: err.phrase, message: err.description }, { status: err.status, headers: err.headers });
});

// An index of the app's parts. Endpoint names of blueprint routes start with the blueprint's name.
app.get("/", function index(req) {
  return { books: req.urlFor("api.listBooks"), stats: req.urlFor("admin.stats") };
});
