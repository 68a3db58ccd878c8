// Validation through blueprints and `app.route(rule, { methods, ...schemas }, handler)` (issue 4).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Blueprint, ValidationFailed, Vial, json } from "vial";

const Item = z.object({ name: z.string().min(1), price: z.number().positive() });
const PublicItem = z.object({ id: z.number(), name: z.string() });

describe("blueprints", () => {
  function appWithApi() {
    const api = new Blueprint("api", { urlPrefix: "/api" });
    const v1 = new Blueprint("v1", { urlPrefix: "/v1" });
    v1.post("/items", { body: Item, response: PublicItem, endpoint: "create" }, (req) => json({ id: 1, ...req.body, secret: "s" }, { status: 201 }));
    v1.get("/items", { endpoint: "list", query: z.object({ page: z.coerce.number().min(1) }) }, (req) => ({ page: req.query.page }));
    api.register(v1);
    const app = new Vial();
    app.register(api);
    return app;
  }

  it("validate the request and strip the response of a nested blueprint's route", async () => {
    const app = appWithApi();
    const created = await app.request("/api/v1/items", { method: "POST", json: { name: "Tea", price: 2 } });
    expect([created.status, await created.json()]).toEqual([201, { id: 1, name: "Tea" }]);
    expect(await (await app.request("/api/v1/items?page=3")).json()).toEqual({ page: 3 });
  });

  it("answer invalid input with a problem", async () => {
    const app = appWithApi();
    const res = await app.request("/api/v1/items", { method: "POST", json: { name: "Tea" } });
    expect([res.status, res.headers.get("content-type")]).toEqual([422, "application/problem+json"]);
    expect((await res.json()).errors).toEqual([{ location: "body", path: ["price"], message: expect.any(String) }]);
  });

  it("a blueprint's ValidationFailed handler applies to its routes only", async () => {
    const forms = new Blueprint("forms", { urlPrefix: "/forms" });
    forms.post("/contact", { form: z.object({ email: z.email() }) }, () => "sent");
    forms.errorHandler(ValidationFailed, (error: ValidationFailed) => [`<p>${error.problem.errors.length} problem(s)</p>`, error.status]);
    const app = new Vial();
    app.register(forms);
    app.post("/api/contact", { body: z.object({ email: z.email() }) }, () => "sent");

    const page = await app.request("/forms/contact", { form: { email: "nope" } });
    expect([page.status, page.headers.get("content-type"), await page.text()]).toEqual([422, "text/html; charset=utf-8", "<p>1 problem(s)</p>"]);
    const api = await app.request("/api/contact", { method: "POST", json: { email: "nope" } });
    expect([api.status, api.headers.get("content-type")]).toEqual([422, "application/problem+json"]);
  });
});

describe("app.route with methods and schemas", () => {
  it("validates for every listed method", async () => {
    const app = new Vial();
    app.route("/items/<int:id>", { methods: ["PUT", "PATCH"], params: z.object({ id: z.number().min(1) }), body: Item, response: PublicItem },
      (req) => ({ id: req.params.id, name: req.body.name, price: req.body.price }));
    for (const method of ["PUT", "PATCH"]) {
      const ok = await app.request("/items/4", { method, json: { name: "Tea", price: 1 } });
      expect([ok.status, await ok.json()]).toEqual([200, { id: 4, name: "Tea" }]);
      const bad = await app.request("/items/0", { method, json: { name: "", price: 1 } });
      expect(bad.status).toBe(422);
      expect((await bad.json()).errors.map((error: { location: string }) => error.location)).toEqual(["params", "body"]);
    }
    expect((await app.request("/items/4", { method: "POST", json: {} })).status).toBe(405);
  });

  it("a GET route's query schema also applies to HEAD", async () => {
    const app = new Vial();
    app.route("/search", { methods: ["GET"], query: z.object({ q: z.string().min(1) }) }, (req) => ({ q: req.query.q }));
    expect((await app.request("/search?q=tea", { method: "HEAD" })).status).toBe(200);
    expect((await app.request("/search", { method: "HEAD" })).status).toBe(422);
  });
});
