// Type-level tests: the handler's `req` is typed from the route's schemas. The `expectTypeOf` and
// `@ts-expect-error` lines are checked by `tsc` (npm run typecheck); types-compile.test.ts also
// compiles wrong code under vitest, so a regression fails the unit tests too.
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { Blueprint, MultiDict, Vial, problemJson, type RequestFor, type ValidationProblem, type VialRequest } from "vial";

const Item = z.object({ name: z.string(), price: z.number(), tags: z.array(z.string()).default([]) });
const Page = z.object({ page: z.coerce.number(), exact: z.stringbool().optional() });

describe("RequestFor", () => {
  it("types req.body as the schema's output", () => {
    const app = new Vial();
    app.post("/items", { body: Item }, (req) => {
      expectTypeOf(req.body).toEqualTypeOf<z.infer<typeof Item>>();
      expectTypeOf(req.body.tags).toEqualTypeOf<string[]>();
      // @ts-expect-error a field the schema does not have
      void req.body.nmae;
      return "ok";
    });
  });

  it("types req.query as the validated object instead of the MultiDict", () => {
    const app = new Vial();
    app.get("/search", { query: Page }, (req) => {
      expectTypeOf(req.query).toEqualTypeOf<{ page: number; exact?: boolean | undefined }>();
      // @ts-expect-error no longer a MultiDict
      void req.query.getAll("page");
      return "ok";
    });
    app.get("/raw", (req) => {
      expectTypeOf(req.query).toEqualTypeOf<MultiDict<string>>();
      // @ts-expect-error without a body schema there is no req.body
      void req.body;
      return "ok";
    });
  });

  it("types params, headers, cookies and form; params without a schema come from the rule", () => {
    const app = new Vial();
    app.route(
      "/users/<int:id>/<slug>",
      {
        methods: ["POST"],
        headers: z.object({ "x-api-key": z.string() }),
        cookies: z.object({ theme: z.enum(["light", "dark"]) }),
        form: z.object({ email: z.email() }),
      },
      (req) => {
        expectTypeOf(req.params).toEqualTypeOf<{ id: number; slug: string }>();
        expectTypeOf(req.headers["x-api-key"]).toEqualTypeOf<string>();
        expectTypeOf(req.cookies.theme).toEqualTypeOf<"light" | "dark">();
        expectTypeOf(req.form.email).toEqualTypeOf<string>();
        // @ts-expect-error a header the schema does not declare
        void req.headers["x-api-kee"];
        return "ok";
      },
    );
    app.get("/files/<int:id>", { params: z.object({ id: z.number().transform(String) }) }, (req) => {
      expectTypeOf(req.params).toEqualTypeOf<{ id: string }>();
      return "ok";
    });
  });

  it("keeps the rest of the request", () => {
    type Req = RequestFor<"/items", { body: typeof Item }>;
    expectTypeOf<Req["method"]>().toEqualTypeOf<string>();
    expectTypeOf<Req["raw"]>().toEqualTypeOf<Request>();
    expectTypeOf<Req["body"]>().toEqualTypeOf<z.infer<typeof Item>>();
  });

  it("works the same on a blueprint", () => {
    const bp = new Blueprint("api");
    bp.post("/items", { body: Item }, (req) => {
      expectTypeOf(req.body.price).toEqualTypeOf<number>();
      // @ts-expect-error a field the schema does not have
      void req.body.cost;
      return "ok";
    });
  });

  it("types validationErrorHandler's arguments", () => {
    const app = new Vial();
    app.validationErrorHandler((problem, req) => {
      expectTypeOf(problem).toEqualTypeOf<ValidationProblem>();
      expectTypeOf(req).toEqualTypeOf<VialRequest>();
      expectTypeOf(problem.errors[0]!.location).toEqualTypeOf<"params" | "query" | "headers" | "cookies" | "form" | "body">();
    });
  });

  it("problemJson takes a ValidationProblem or any problem-like object", () => {
    const app = new Vial();
    app.validationErrorHandler((problem) => problemJson(problem));
    expectTypeOf(problemJson({ title: "Out of stock", status: 409, sku: "A1" })).toEqualTypeOf<Response>();
    // @ts-expect-error status must be a number
    problemJson({ title: "Out of stock", status: "409" });
  });
});
