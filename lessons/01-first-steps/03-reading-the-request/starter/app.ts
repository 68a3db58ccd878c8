import { Vial } from "vial";

export const app = new Vial();

// None of these handlers reads the request yet.

app.get("/greet", () => "Hello, stranger!");

app.get("/whoami", () => ({ agent: "unknown" }));

app.post("/echo", () => ({ message: "", length: 0 }));
