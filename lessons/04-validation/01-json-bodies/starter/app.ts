import { Vial } from "vial";
import { account, addUser, publicProfile, users, type NewUser } from "./data";

export const app = new Vial();

app.get("/users", () => users.map(publicProfile));

// Sign-up. `req.json<NewUser>()` only tells TypeScript what to assume; nothing checks it.
app.post("/users", async (req) => {
  const input = await req.json<NewUser>();
  const user = await addUser(input);
  return [account(user), 201];
});
