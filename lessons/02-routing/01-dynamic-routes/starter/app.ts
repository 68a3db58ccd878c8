import { Vial } from "vial";
import { books } from "./data";

export const app = new Vial();

app.get("/books", () => books);

// Add the routes of this lesson below.
