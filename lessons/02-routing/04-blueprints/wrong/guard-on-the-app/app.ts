import { Vial } from "vial";
import { admin, staffOnly } from "./admin";
import { api } from "./api";

export const app = new Vial();

app.beforeRequest(staffOnly);
app.register(api);
app.register(admin);

// An index of the app's parts. Endpoint names of blueprint routes start with the blueprint's name.
app.get("/", function index(req) {
  return { books: req.urlFor("api.listBooks"), stats: req.urlFor("admin.stats") };
});
