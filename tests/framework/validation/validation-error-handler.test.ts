// `app.validationErrorHandler` (issue 4): reshape the answer to invalid input, e.g. re-render an
// HTML form with its errors and the values the user typed.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Vial, formValues, html, input, problemJson, type ValidationProblem } from "vial";

const Signup = z.object({ email: z.email("Enter a valid email address"), password: z.string().min(12, "Use at least 12 characters") });

describe("validationErrorHandler", () => {
  it("reshapes the problem; the status stays the problem's", async () => {
    const app = new Vial();
    app.post("/signup", { body: Signup }, () => "ok");
    app.validationErrorHandler((problem) => [{ message: "Invalid input", fields: problem.errors.map((error) => error.path.join(".")) }, problem.status]);
    const res = await app.request("/signup", { method: "POST", json: { email: "x" } });
    expect([res.status, await res.json()]).toEqual([422, { message: "Invalid input", fields: ["email", "password"] }]);
    const unreadable = await app.request("/signup", { method: "POST", body: "{", headers: { "content-type": "application/json" } });
    expect([unreadable.status, await unreadable.json()]).toEqual([400, { message: "Invalid input", fields: [""] }]);
  });

  it("receives the request, and undefined keeps the default problem+json", async () => {
    const app = new Vial();
    app.post("/signup", { body: Signup }, () => "ok");
    app.post("/other", { body: Signup }, () => "ok");
    app.validationErrorHandler((problem, req) => (req.path === "/other" ? undefined : [`${problem.status} at ${req.endpoint}`, 400]));
    expect(await (await app.request("/signup", { method: "POST", json: {} })).text()).toBe("422 at /signup");
    const res = await app.request("/other", { method: "POST", json: {} });
    expect([res.status, res.headers.get("content-type")]).toEqual([422, "application/problem+json"]);
  });

  it("problemJson sends a reshaped problem with the problem media type", async () => {
    const app = new Vial();
    app.post("/signup", { body: Signup }, () => "ok");
    app.validationErrorHandler((problem) => problemJson({ ...problem, type: "/problems/signup", title: "Please check your input" }));
    const res = await app.request("/signup", { method: "POST", json: { email: "ada@example.com" } });
    expect([res.status, res.headers.get("content-type")]).toEqual([422, "application/problem+json"]);
    expect(await res.json()).toMatchObject({ type: "/problems/signup", title: "Please check your input", status: 422 });
  });

  it("a handler for the status code comes first, as error handler lookup goes", async () => {
    const app = new Vial();
    app.post("/signup", { body: Signup }, () => "ok");
    app.validationErrorHandler(() => "from validationErrorHandler");
    app.errorHandler(422, () => ["from errorHandler(422)", 422]);
    expect(await (await app.request("/signup", { method: "POST", json: {} })).text()).toBe("from errorHandler(422)");
  });

  it("re-renders a form with messages beside the fields and the typed values kept (never the password)", async () => {
    const app = new Vial();
    const page = (values: Record<string, unknown> = {}, problem?: ValidationProblem) => html`<form method="post">
      ${input({ name: "email", type: "email", label: "Email", values, errors: problem })}
      ${input({ name: "password", type: "password", label: "Password", values, errors: problem })}
    </form>`;
    app.get("/signup", { endpoint: "form" }, () => page());
    app.post("/signup", { form: Signup }, (req) => `Welcome, ${req.form.email}`);
    // The raw form is still there: failed validation replaces nothing on req.
    app.validationErrorHandler(async (problem, req) => [page(formValues(await req.form()), problem), problem.status]);

    const res = await app.request("/signup", { form: { email: "ada<script>", password: "hunter2" } });
    expect(res.status).toBe(422);
    const body = await res.text();
    expect(body).toContain('value="ada&lt;script&gt;"');
    expect(body).toContain("<li>Enter a valid email address</li>");
    expect(body).toContain("<li>Use at least 12 characters</li>");
    expect(body).not.toContain("hunter2");
    expect(body).not.toContain("<script>");
  });
});
