import { Vial } from "vial";

// The preview and the checks import this app, so keep the `export`.
export const app = new Vial();

app.get("/", () => "Hello, Vial!");

app.get("/about", () => "This app is built with Vial, a Flask-style web framework for TypeScript.");
