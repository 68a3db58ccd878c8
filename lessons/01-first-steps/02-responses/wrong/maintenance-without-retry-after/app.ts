import { Vial } from "vial";

// The preview and the checks import this app, so keep the `export`.
export const app = new Vial();

app.get("/", () => "Hello, Vial!");

app.get("/about", () => "This app is built with Vial, a Flask-style web framework for TypeScript.");

// An object becomes a JSON response.
app.get("/api/status", () => ({ status: "ok", version: 1 }));

// 503 tells clients and caches this is temporary; Retry-After says when to come back.
app.get("/maintenance", () => ["Back soon: we are upgrading the server.", 503]);

const ROBOTS = "User-agent: *\nDisallow: /admin\n";

// A string alone would be sent as HTML; crawlers expect text/plain.
app.get("/robots.txt", () => [ROBOTS, { "Content-Type": "text/plain; charset=utf-8" }]);
