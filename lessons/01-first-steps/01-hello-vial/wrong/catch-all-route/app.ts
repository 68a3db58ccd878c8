import { Vial } from "vial";

// The preview and the checks import this app, so keep the `export`.
export const app = new Vial();

app.get("/", () => "Hello, Vial!");

// Any other address gets the greeting too, so visitors never see an error.
app.get("/<path:rest>", () => "Hello, Vial!");

app.get("/about", () => "This app is built with Vial, a Flask-style web framework for TypeScript.");
