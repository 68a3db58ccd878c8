import { Vial } from "vial";
import { books } from "./data";

export const app = new Vial();

app.get("/books", () => books);

// Counts this visitor's visits. It answers 500 until the app has a SECRET_KEY (task 1).
app.get("/visits", (req) => {
  const visits = req.session.get<number>("visits", 0) + 1;
  req.session.set("visits", visits);
  return { visits };
});

// Add the reading list of this lesson below.
