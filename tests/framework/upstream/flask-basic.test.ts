// Ported from Flask's tests/test_basic.py (pallets/flask 2ac8988), named after the upstream
// tests, for what Vial has: routing and methods, hooks, error handling, response values, URL
// building. Vial's spelling: `app.route(rule, { methods }, fn)` / `app.get(rule, fn)` for
// `@app.route`, `app.request(path, init)` for the test client, `req.g` for `flask.g`. Where Flask
// raises into the test client (TESTING), Vial answers 500 and logs the error, so those cases
// read the log. Sessions, flashing, templates, static folders, subdomains and the CLI are ported
// elsewhere or do not apply. Results were checked against Flask 2.2 (python3-flask).
import { describe, expect, it } from "vitest";
import { Forbidden, NotFound, Vial, abort, flash, getFlashedMessages, json, makeResponse, type ConfigValues } from "vial";

const text = async (app: Vial, path: string, init?: RequestInit) => (await app.request(path, init)).text();
const allow = (res: Response) => (res.headers.get("allow") ?? "").split(", ").sort();

/** An app whose logged errors are kept, for the cases where Flask raises into the test client. */
function loggingApp(config: ConstructorParameters<typeof Vial>[0] = {}) {
  const logged: unknown[] = [];
  const app = new Vial({ ...config, logger: { error: (_message: string, error?: unknown) => void logged.push(error) } });
  return { app, logged };
}

describe("Flask tests/test_basic.py: routing and methods", () => {
  it("test_options_work", async () => {
    const app = new Vial();
    app.route("/", { methods: ["GET", "POST"] }, () => "Hello World");
    const res = await app.request("/", { method: "OPTIONS" });
    expect(allow(res)).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(await res.text()).toBe("");
  });

  it("test_options_on_multiple_rules", async () => {
    const app = new Vial();
    app.route("/", { methods: ["GET", "POST"] }, () => "Hello World");
    app.route("/", { methods: ["PUT"] }, () => "Aha!");
    expect(allow(await app.request("/", { method: "OPTIONS" }))).toEqual(["GET", "HEAD", "OPTIONS", "POST", "PUT"]);
  });

  for (const method of ["get", "post", "put", "delete", "patch"] as const) {
    it(`test_method_route[${method}]`, async () => {
      const app = new Vial();
      app[method]("/", () => "Hello");
      expect(await text(app, "/", { method: method.toUpperCase() })).toBe("Hello");
    });
  }

  it("test_method_route_no_methods", () => {
    const app = new Vial();
    expect(() => app.get("/", { methods: ["GET", "POST"] } as never, () => "")).toThrow(TypeError);
  });

  // Flask's view attribute `provide_automatic_options` is Vial's route option of the same name.
  it("test_provide_automatic_options_attr_disable", async () => {
    const app = new Vial();
    app.get("/", { provideAutomaticOptions: false }, () => "Hello World!");
    expect((await app.request("/", { method: "OPTIONS" })).status).toBe(405);
  });

  it("test_provide_automatic_options_attr_enable", async () => {
    const app = new Vial({ config: { PROVIDE_AUTOMATIC_OPTIONS: false } });
    app.get("/", { provideAutomaticOptions: true }, () => "Hello World!");
    expect(allow(await app.request("/", { method: "OPTIONS" }))).toEqual(["GET", "HEAD", "OPTIONS"]);
  });

  it("test_provide_automatic_options_arg_disable", async () => {
    const app = new Vial();
    app.get("/", { provideAutomaticOptions: false }, () => "Hello World!");
    expect((await app.request("/", { method: "OPTIONS" })).status).toBe(405);
  });

  it("test_provide_automatic_options_method_disable", async () => {
    const app = new Vial();
    app.route("/", { methods: ["OPTIONS"] }, () => ["", { "X-Test": "test" }]);
    expect((await app.request("/", { method: "OPTIONS" })).headers.get("x-test")).toBe("test");
  });

  it("test_request_dispatching", async () => {
    const app = new Vial();
    app.get("/", (req) => req.method);
    app.route("/more", { methods: ["GET", "POST"] }, (req) => req.method);

    expect(await text(app, "/")).toBe("GET");
    const post = await app.request("/", { method: "POST" });
    expect(post.status).toBe(405);
    expect(allow(post)).toEqual(["GET", "HEAD", "OPTIONS"]);
    const head = await app.request("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(await text(app, "/more", { method: "POST" })).toBe("POST");
    expect(await text(app, "/more")).toBe("GET");
    const del = await app.request("/more", { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(allow(del)).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
  });

  it("test_disallow_string_for_allowed_methods", () => {
    const app = new Vial();
    expect(() => app.route("/", { methods: "GET POST" as never, endpoint: "test" }, () => "")).toThrow(TypeError);
  });

  it("test_url_mapping", async () => {
    const randomUuid4 = "7eb41166-9ebf-4d26-b771-ea3f54f8b383";
    const app = new Vial();
    app.get("/", { endpoint: "index" }, (req) => req.method);
    app.route("/more", { methods: ["GET", "POST"], endpoint: "more" }, (req) => req.method);
    // Flask issue 1288: a lower-case "options" in methods still turns the automatic answer off.
    app.route("/options", { methods: ["options"], endpoint: "options" }, () => randomUuid4);

    expect(await text(app, "/")).toBe("GET");
    const post = await app.request("/", { method: "POST" });
    expect(post.status).toBe(405);
    expect(allow(post)).toEqual(["GET", "HEAD", "OPTIONS"]);
    const head = await app.request("/", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(await text(app, "/more", { method: "POST" })).toBe("POST");
    expect(await text(app, "/more")).toBe("GET");
    const del = await app.request("/more", { method: "DELETE" });
    expect(del.status).toBe(405);
    expect(allow(del)).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    const options = await app.request("/options", { method: "OPTIONS" });
    expect(options.status).toBe(200);
    expect(await options.text()).toContain(randomUuid4);
  });

  // Both add Werkzeug rules (a Submount) straight to app.url_map and attach views by endpoint;
  // Vial routes always come with their handler, and blueprints give the prefix.
  it.skip("test_werkzeug_routing (departure: no raw rules or Submount on the app's map)", () => {});
  it.skip("test_endpoint_decorator (departure: no endpoint-only rules)", () => {});

  it("test_route_decorator_custom_endpoint", async () => {
    const app = new Vial();
    app.get("/foo/", function foo(req) {
      return req.endpoint;
    });
    app.get("/bar/", { endpoint: "bar" }, function for_bar(req) {
      return req.endpoint;
    });
    app.get("/bar/123", { endpoint: "123" }, function for_bar_foo(req) {
      return req.endpoint;
    });
    expect(app.urlFor("foo")).toBe("/foo/");
    expect(app.urlFor("bar")).toBe("/bar/");
    expect(app.urlFor("123")).toBe("/bar/123");
    expect(await text(app, "/foo/")).toBe("foo");
    expect(await text(app, "/bar/")).toBe("bar");
    expect(await text(app, "/bar/123")).toBe("123");
  });

  it("test_multi_route_rules", async () => {
    // Flask's view takes `test="a"` as a Python default argument; one handler on two rules.
    const app = new Vial();
    const index = (req: { params: { test?: string } }) => req.params.test ?? "a";
    app.get("/", index);
    app.get("/<test>/", index);
    expect(await text(app, "/")).toBe("a");
    expect(await text(app, "/b/")).toBe("b");
  });

  it("test_multi_route_class_views", async () => {
    class View {
      constructor(app: Vial) {
        app.get("/", { endpoint: "index" }, this.index);
        app.get("/<test>/", { endpoint: "index" }, this.index);
      }
      readonly index = (req: { params: { test?: string } }) => req.params.test ?? "a";
    }
    const app = new Vial();
    new View(app);
    expect(await text(app, "/")).toBe("a");
    expect(await text(app, "/b/")).toBe("b");
  });

  // Flask refuses setup methods (add_url_rule, ...) once the app has handled a request, because
  // other worker processes would not see the change; a Vial app is one JavaScript process, and a
  // route added later is served.
  it.skip("test_no_setup_after_first_request (departure: routes may be added after the first request)", () => {});

  // url_defaults / url_value_preprocessor callbacks (see the departures).
  it.skip("test_url_processors (departure: no URL value processors)", () => {});
  it.skip("test_inject_blueprint_url_defaults (departure: no URL value processors)", () => {});

  it("test_nonascii_pathinfo", async () => {
    const app = new Vial();
    app.get("/киртест", () => "Hello World!");
    expect(await text(app, "/киртест")).toBe("Hello World!");
  });

  it("test_routing_redirect_debugging", async () => {
    // The slash redirect is a 308, so following it keeps the POST and its form. (The upstream
    // test's second half patches the code to 301 to see Flask's debug-mode assertion; Vial
    // never redirects a slash with 301.)
    const app = new Vial({ config: { DEBUG: true } });
    app.route("/user/", { methods: ["GET", "POST"] }, async (req) => (await req.form()).get("status") ?? "");
    const res = await app.testClient().post("/user", { form: { status: "success" }, followRedirects: true });
    expect(await res.text()).toBe("success");
  });
});

describe("Flask tests/test_basic.py: hooks", () => {
  it("test_request_processing", async () => {
    const app = new Vial();
    const evts: string[] = [];
    app.beforeRequest(() => {
      evts.push("before");
    });
    app.afterRequest(async (res) => {
      evts.push("after");
      return new Response(`${await res.text()}|after`, res);
    });
    app.get("/", () => {
      expect(evts).toEqual(["before"]);
      return "request";
    });
    expect(evts).not.toContain("after");
    expect(await text(app, "/")).toBe("request|after");
    expect(evts).toContain("after");
  });

  it("test_request_preprocessing_early_return", async () => {
    const app = new Vial();
    const evts: Array<number | string> = [];
    app.beforeRequest(() => {
      evts.push(1);
    });
    app.beforeRequest(() => {
      evts.push(2);
      return "hello";
    });
    app.beforeRequest(() => {
      evts.push(3);
      return "bye";
    });
    app.get("/", () => {
      evts.push("index");
      return "damnit";
    });
    expect((await text(app, "/")).trim()).toBe("hello");
    expect(evts).toEqual([1, 2]);
  });

  // `flask.after_this_request` registers a hook from inside a view; Vial has no per-request hooks
  // (a handler can set headers on the response it returns).
  it.skip("test_after_request_processing (departure: no after_this_request)", () => {});

  const teardownCase = (config: { DEBUG?: boolean }) => async () => {
    const app = new Vial({ config });
    const called: boolean[] = [];
    app.teardownRequest(() => {
      called.push(true);
      return "Ignored" as never;
    });
    app.get("/", () => "Response");
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Response");
    expect(called).toHaveLength(1);
  };
  it("test_teardown_request_handler", teardownCase({}));
  it("test_teardown_request_handler_debug_mode", teardownCase({ DEBUG: true }));

  it("test_teardown_request_handler_error", async () => {
    class ZeroDivisionError extends Error {}
    const { app } = loggingApp();
    const seen: unknown[] = [];
    const teardown = (error: unknown) => {
      seen.push(error);
      // A new error raised and caught inside the hook must not change what the next hook gets.
      try {
        throw new TypeError();
      } catch {
        // ignored on purpose
      }
    };
    app.teardownRequest(teardown);
    app.teardownRequest(teardown);
    app.get("/", () => {
      throw new ZeroDivisionError();
    });
    const res = await app.request("/");
    expect(res.status).toBe(500);
    expect(await res.text()).toContain("Internal Server Error");
    expect(seen).toHaveLength(2);
    for (const error of seen) expect(error).toBeInstanceOf(ZeroDivisionError);
  });

  it("test_before_after_request_order", async () => {
    const app = new Vial();
    const called: number[] = [];
    app.beforeRequest(() => void called.push(1));
    app.beforeRequest(() => void called.push(2));
    app.afterRequest((res) => {
      called.push(4);
      return res;
    });
    app.afterRequest((res) => {
      called.push(3);
      return res;
    });
    app.teardownRequest(() => void called.push(6));
    app.teardownRequest(() => void called.push(5));
    app.get("/", () => "42");
    expect(await text(app, "/")).toBe("42");
    expect(called).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("Flask tests/test_basic.py: error handling", () => {
  class ZeroDivisionError extends Error {}

  it("test_error_handling", async () => {
    const { app } = loggingApp();
    app.errorHandler(404, () => ["not found", 404]);
    app.errorHandler(500, () => ["internal server error", 500]);
    app.errorHandler(Forbidden, () => ["forbidden", 403]);
    app.get("/", () => abort(404));
    app.get("/error", () => {
      throw new ZeroDivisionError();
    });
    app.get("/forbidden", () => abort(403));

    let res = await app.request("/");
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("not found");
    res = await app.request("/error");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("internal server error");
    res = await app.request("/forbidden");
    expect(res.status).toBe(403);
    expect(await res.text()).toBe("forbidden");
  });

  it("test_error_handling_processing", async () => {
    const { app } = loggingApp();
    app.errorHandler(500, () => ["internal server error", 500]);
    app.get("/", () => {
      throw new ZeroDivisionError();
    });
    app.afterRequest((res) => {
      res.headers.set("content-type", "text/x-special");
      return res;
    });
    const res = await app.request("/");
    expect(res.headers.get("content-type")).toBe("text/x-special");
    expect(await res.text()).toBe("internal server error");
  });

  // Python's BaseException (KeyboardInterrupt) escapes the app; JavaScript has no such class:
  // every thrown value is handled, and an unhandled one becomes a 500.
  it.skip("test_baseexception_error_handling (not applicable: no BaseException in JavaScript)", () => {});

  it("test_before_request_and_routing_errors", async () => {
    const app = new Vial();
    app.beforeRequest((req) => {
      req.g.something = "value";
    });
    app.errorHandler(404, (_error, req) => [req.g.something, 404]);
    const res = await app.request("/");
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("value");
  });

  it("test_user_error_handling", async () => {
    class MyException extends Error {}
    const app = new Vial();
    app.errorHandler(MyException, (e) => {
      expect(e).toBeInstanceOf(MyException);
      return "42";
    });
    app.get("/", () => {
      throw new MyException();
    });
    expect(await text(app, "/")).toBe("42");
  });

  it("test_http_error_subclass_handling", async () => {
    class ForbiddenSubclass extends Forbidden {}
    const app = new Vial();
    app.errorHandler(ForbiddenSubclass, (e) => {
      expect(e).toBeInstanceOf(ForbiddenSubclass);
      return "banana";
    });
    app.errorHandler(403, (e) => {
      expect(e).not.toBeInstanceOf(ForbiddenSubclass);
      expect(e).toBeInstanceOf(Forbidden);
      return "apple";
    });
    app.get("/1", () => {
      throw new ForbiddenSubclass();
    });
    app.get("/2", () => abort(403));
    app.get("/3", () => {
      throw new Forbidden();
    });
    expect(await text(app, "/1")).toBe("banana");
    expect(await text(app, "/2")).toBe("apple");
    expect(await text(app, "/3")).toBe("apple");
  });

  it("test_errorhandler_precedence", async () => {
    // Upstream E3 inherits from E1 and E2 and is handled by E2's handler, the nearest registered
    // class in its MRO. JavaScript classes have one parent, so E3 extends E2 here: the nearest
    // registered class still wins over the generic handler.
    class E1 extends Error {}
    class E2 extends Error {}
    class E3 extends E2 {}
    const app = new Vial();
    app.errorHandler(E2, () => "E2");
    app.errorHandler(Error, () => "Exception");
    app.get("/E1", () => {
      throw new E1();
    });
    app.get("/E3", () => {
      throw new E3();
    });
    expect(await text(app, "/E1")).toBe("Exception");
    expect(await text(app, "/E3")).toBe("E2");
  });

  // TRAP_BAD_REQUEST_ERRORS / TRAP_HTTP_EXCEPTIONS re-raise into the test client; Vial never
  // re-raises, and `form.get` returns undefined where Flask's `form[key]` raises a 400.
  it.skip("test_trap_bad_request_key_error (departure: no exception trapping; no KeyError from form[key])", () => {});
  it.skip("test_trapping_of_all_http_exceptions (departure: no exception trapping)", () => {});

  for (const trigger of ["before", "after"] as const) {
    it(`test_error_handler_after_processor_error[${trigger}]`, async () => {
      const { app } = loggingApp();
      app.beforeRequest(() => {
        if (trigger === "before") throw new ZeroDivisionError();
      });
      app.afterRequest((res) => {
        if (trigger === "after") throw new ZeroDivisionError();
        return res;
      });
      app.get("/", () => "Foo");
      app.errorHandler(500, () => ["Hello Server Error", 500]);
      const res = await app.request("/");
      expect(res.status).toBe(500);
      expect(await res.text()).toBe("Hello Server Error");
    });
  }

  for (const key of ["TESTING", "PROPAGATE_EXCEPTIONS", "DEBUG", null] as const) {
    it(`test_exception_propagation[${key}]`, async () => {
      // Flask re-raises into the caller when any of these is set; Vial's fetch handler never
      // throws (see the departures), so every case is the None case: a 500, logged.
      const { app, logged } = loggingApp(key === null ? {} : { config: { [key]: true } });
      app.get("/", () => {
        throw new ZeroDivisionError();
      });
      expect((await app.request("/")).status).toBe(500);
      expect(logged[0]).toBeInstanceOf(ZeroDivisionError);
    });
  }
});

describe("Flask tests/test_basic.py: response values", () => {
  it("test_response_types", async () => {
    const app = new Vial();
    app.get("/text", () => "Hällo Wörld");
    app.get("/bytes", () => new TextEncoder().encode("Hällo Wörld"));
    app.get("/full_tuple", () => ["Meh", 400, { "X-Foo": "Testing", "Content-Type": "text/plain; charset=utf-8" }]);
    app.get("/text_headers", () => ["Hello", { "X-Foo": "Test", "Content-Type": "text/plain; charset=utf-8" }]);
    app.get("/text_status", () => ["Hi, status!", 400]);
    app.get("/response_headers", () => [
      new Response("Hello world", { status: 404, headers: { "Content-Type": "text/html", "X-Foo": "Baz" } }),
      { "Content-Type": "text/plain", "X-Foo": "Bar", "X-Bar": "Foo" },
    ]);
    app.get("/response_status", () => [new Response("Hello world", { status: 400 }), 500]);
    app.get("/wsgi", () => new NotFound().getResponse());
    app.get("/dict", () => [{ foo: "bar" }, 201]);
    app.get("/list", () => [["foo", "bar"], 201]);

    expect(await text(app, "/text")).toBe("Hällo Wörld");
    expect(await text(app, "/bytes")).toBe("Hällo Wörld");

    let res = await app.request("/full_tuple");
    expect(await res.text()).toBe("Meh");
    expect(res.headers.get("x-foo")).toBe("Testing");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);

    res = await app.request("/text_headers");
    expect(await res.text()).toBe("Hello");
    expect(res.headers.get("x-foo")).toBe("Test");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);

    res = await app.request("/text_status");
    expect(await res.text()).toBe("Hi, status!");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);

    res = await app.request("/response_headers");
    expect(await res.text()).toBe("Hello world");
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.headers.get("x-foo")).toBe("Bar");
    expect(res.headers.get("x-bar")).toBe("Foo");
    expect(res.status).toBe(404);

    res = await app.request("/response_status");
    expect(await res.text()).toBe("Hello world");
    expect(res.status).toBe(500);

    res = await app.request("/wsgi");
    expect(await res.text()).toContain("Not Found");
    expect(res.status).toBe(404);

    res = await app.request("/dict");
    expect(await res.json()).toEqual({ foo: "bar" });
    expect(res.status).toBe(201);

    res = await app.request("/list");
    expect(await res.json()).toEqual(["foo", "bar"]);
    expect(res.status).toBe(201);
  });

  // In DEBUG, Flask explains that a form posted without multipart/form-data has no files; Vial's
  // req.files is simply empty for such a form.
  it.skip("test_enctype_debug_helper (departure: no debug-only explanation for files in a non-multipart form)", () => {});

  it("test_response_type_errors", async () => {
    // Flask raises TypeError into the test client; Vial answers 500 and logs it.
    const { app, logged } = loggingApp();
    app.get("/none", function from_none() {
      return undefined;
    });
    // Python tells a tuple from a list; JavaScript has only arrays, and an array that is not
    // [body, status], [body, headers] or [body, status, headers] is a JSON list (a departure).
    app.get("/small_tuple", () => ["Hello"] as [string]);
    app.get("/large_tuple", () => ["Hello", 234, { "X-Foo": "Bar" }, "???"]);
    app.get("/bad_type", () => true);
    app.get("/bad_wsgi", () => () => null);
    const errorOf = async (path: string) => {
      logged.length = 0;
      expect((await app.request(path)).status).toBe(500);
      expect(logged[0]).toBeInstanceOf(TypeError);
      return String((logged[0] as Error).message);
    };

    const none = await errorOf("/none");
    expect(none).toMatch(/undefined|returned nothing|None/i);
    expect(none).toContain("from_none");
    expect(await (await app.request("/small_tuple")).json()).toEqual(["Hello"]);
    expect(await (await app.request("/large_tuple")).json()).toEqual(["Hello", 234, { "X-Foo": "Bar" }, "???"]);
    expect(await errorOf("/bad_type")).toContain("boolean");
    await errorOf("/bad_wsgi");
  });

  it("test_make_response", async () => {
    // flask.make_response() with no argument is an empty 200; Vial's makeResponse needs a value,
    // and "" is that empty body.
    let res = makeResponse("");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);

    res = makeResponse("Awesome");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("Awesome");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);

    res = makeResponse(["W00t", 404]);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("W00t");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);

    res = makeResponse((function* () {
      yield* "Hello";
    })());
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("Hello");
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("test_make_response_with_response_instance", async () => {
    let res = makeResponse([json({ msg: "W00t" }), 400]);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ msg: "W00t" });
    expect(res.headers.get("content-type")).toBe("application/json");

    res = makeResponse([new Response(""), 400]);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("");

    // Flask 2.2: make_response(Response("", headers={"Content-Type": "text/html"}), 400, [("X-Foo", "bar")])
    res = makeResponse([new Response("", { headers: { "Content-Type": "text/html" } }), 400, [["X-Foo", "bar"]]]);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(res.headers.get("x-foo")).toBe("bar");
  });

  // app.json.compact / app.json.mimetype / app.json.dumps configure Flask's JSON provider; Vial's
  // json() is always compact, application/json, JSON.stringify.
  it.skip("test_jsonify_no_prettyprint (departure: no JSON provider; json() is always compact)", () => {});
  it.skip("test_jsonify_mimetype (departure: no JSON provider; pass headers to json())", () => {});
  it.skip("test_json_dump_dataclass (not applicable: no dataclasses; JSON.stringify)", () => {});
  it.skip("test_jsonify_args_and_kwargs_check (not applicable: json() takes one value)", () => {});

  it("test_url_generation", async () => {
    const app = new Vial();
    app.post("/hello/<name>", function hello() {
      return "";
    });
    app.get("/", (req) => [req.urlFor("hello", { name: "test x" }), req.urlFor("hello", { name: "test x" }, { external: true })].join(" "));
    expect(await text(app, "/")).toBe("/hello/test%20x http://localhost/hello/test%20x");
  });

  // url_build_error_handlers turn a BuildError into a URL; Vial has no such hook: urlFor throws.
  it.skip("test_build_error_handler (departure: no url_build_error_handlers)", () => {});
  it.skip("test_build_error_handler_reraise (departure: no url_build_error_handlers)", () => {});
  it.skip("test_url_for_passes_special_values_to_build_error_handler (departure: no url_build_error_handlers)", () => {});
});

describe("Flask tests/test_basic.py: sessions and flashing", () => {
  // Flask's `app` fixture sets SECRET_KEY="test key".
  const sessionApp = (config: Partial<ConfigValues> = {}) => new Vial({ config: { SECRET_KEY: "test key", ...config } });
  const varyOf = (res: Response) => (res.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/).filter(Boolean);

  it("test_session_accessed", async () => {
    const app = sessionApp();
    let last: { accessed: boolean; modified: boolean } | undefined;
    app.afterRequest((res, req) => {
      last = { accessed: req.session.accessed, modified: req.session.modified };
      return res;
    });
    app.post("/", async (req) => {
      req.session.set("value", (await req.form()).get("value"));
      return "value set";
    });
    app.get("/", (req) => String(req.session.get("value", "None")));
    app.get("/nothing", () => "");
    const client = app.testClient();

    let res = await client.get("/nothing");
    expect(varyOf(res)).not.toContain("cookie");
    expect(last).toEqual({ accessed: false, modified: false });

    res = await client.post("/", { form: { value: "42" } });
    expect(await res.text()).toBe("value set");
    expect(varyOf(res)).toContain("cookie");
    expect(last).toEqual({ accessed: true, modified: true });

    res = await client.get("/");
    expect(await res.text()).toBe("42");
    expect(varyOf(res)).toContain("cookie");
    expect(last).toEqual({ accessed: true, modified: false });

    res = await client.get("/nothing");
    expect(await res.text()).toBe("");
    expect(varyOf(res)).not.toContain("cookie");
    expect(last).toEqual({ accessed: false, modified: false });
  });

  it("test_session_path", async () => {
    const app = sessionApp({ APPLICATION_ROOT: "/foo" });
    app.get("/", (req) => {
      req.session.set("testing", 42);
      return "Hello World";
    });
    // Flask's client requests http://example.com:8080/foo, the app mounted at /foo; a Vial app
    // sees the path under its mount point.
    const res = await app.request("http://example.com:8080/");
    expect(res.headers.get("set-cookie")?.toLowerCase()).toContain("path=/foo");
  });

  it("test_session_using_application_root", async () => {
    const app = sessionApp({ APPLICATION_ROOT: "/bar" });
    app.get("/", (req) => {
      req.session.set("testing", 42);
      return "Hello World";
    });
    const res = await app.request("http://example.com:8080/");
    expect(res.headers.get("set-cookie")?.toLowerCase()).toContain("path=/bar");
  });

  it("test_session_using_session_settings", async () => {
    const app = sessionApp({
      SERVER_NAME: "www.example.com:8080",
      APPLICATION_ROOT: "/test",
      SESSION_COOKIE_DOMAIN: ".example.com",
      SESSION_COOKIE_HTTPONLY: false,
      SESSION_COOKIE_SECURE: true,
      SESSION_COOKIE_PARTITIONED: true,
      SESSION_COOKIE_SAMESITE: "Lax",
      SESSION_COOKIE_PATH: "/",
    });
    app.get("/", (req) => {
      req.session.set("testing", 42);
      return "Hello World";
    });
    app.get("/clear", (req) => {
      req.session.pop("testing", undefined);
      return "Goodbye World";
    });
    // Werkzeug's test client sends the Secure cookie back over http; Vial's, like a browser, only
    // over https.
    const client = app.testClient();

    let cookie = (await client.get("https://www.example.com:8080/")).headers.get("set-cookie")!.toLowerCase();
    expect(cookie).toMatch(/domain=\.?example\.com/);
    expect(cookie).toContain("path=/");
    expect(cookie).toContain("secure");
    expect(cookie).not.toContain("httponly");
    expect(cookie).toContain("samesite");
    expect(cookie).toContain("partitioned");

    cookie = (await client.get("https://www.example.com:8080/clear")).headers.get("set-cookie")!.toLowerCase();
    expect(cookie).toContain("session=;");
    expect(cookie).toMatch(/domain=\.?example\.com/);
    expect(cookie).toContain("path=/");
    expect(cookie).toContain("secure");
    expect(cookie).toContain("samesite");
    expect(cookie).toContain("partitioned");
  });

  it("test_session_using_samesite_attribute", async () => {
    const { app, logged } = loggingApp({ config: { SECRET_KEY: "test key" } });
    app.get("/", (req) => {
      req.session.set("testing", 42);
      return "Hello World";
    });
    // Flask raises ValueError for an invalid SameSite; Vial answers 500 and logs it.
    app.config.SESSION_COOKIE_SAMESITE = "invalid" as never;
    expect((await app.request("/")).status).toBe(500);
    expect(logged.length).toBeGreaterThan(0);

    app.config.SESSION_COOKIE_SAMESITE = undefined;
    expect((await app.request("/")).headers.get("set-cookie")!.toLowerCase()).not.toContain("samesite");
    app.config.SESSION_COOKIE_SAMESITE = "Strict";
    expect((await app.request("/")).headers.get("set-cookie")!.toLowerCase()).toContain("samesite=strict");
    app.config.SESSION_COOKIE_SAMESITE = "Lax";
    expect((await app.request("/")).headers.get("set-cookie")!.toLowerCase()).toContain("samesite=lax");
  });

  it("test_missing_session", async () => {
    const app = new Vial();
    const outcomes: unknown[] = [];
    app.get("/", (req) => {
      outcomes.push(req.session.get("missing_key"));
      for (const change of [() => req.session.set("foo", 42), () => req.session.pop("foo")]) {
        try {
          change();
          outcomes.push("no error");
        } catch (error) {
          outcomes.push((error as Error).message.includes("session is unavailable"));
        }
      }
      return "";
    });
    await app.request("/");
    expect(outcomes).toEqual([undefined, true, true]);
  });

  it("test_session_secret_key_fallbacks", async () => {
    const app = sessionApp();
    app.post("/", (req) => {
      req.session.set("a", 1);
      return "";
    });
    app.get("/", (req) => req.session.toJSON());
    const client = app.testClient();

    app.config.SECRET_KEY = "0 key";
    app.config.SECRET_KEY_FALLBACKS = ["-1 key", "-2 key"];
    await client.post("/");
    expect(await (await client.get("/")).json()).toEqual({ a: 1 });
    app.config.SECRET_KEY = "? key";
    expect(await (await client.get("/")).json()).toEqual({});
    app.config.SECRET_KEY = "+1 key";
    app.config.SECRET_KEY_FALLBACKS = ["0 key", "-1 key"];
    expect(await (await client.get("/")).json()).toEqual({ a: 1 });
  });

  it("test_session_expiration", async () => {
    const app = sessionApp();
    let permanent = true;
    app.get("/", (req) => {
      req.session.set("test", 42);
      req.session.permanent = permanent;
      return "";
    });
    app.get("/test", (req) => String(req.session.permanent));
    const client = app.testClient();

    let res = await client.get("/");
    const expires = res.headers.get("set-cookie")?.match(/\bexpires=([^;]+)/i)?.[1];
    const expected = new Date(Date.now() + app.config.PERMANENT_SESSION_LIFETIME * 1000);
    const actual = new Date(expires!);
    expect([actual.getUTCFullYear(), actual.getUTCMonth(), actual.getUTCDate()]).toEqual([
      expected.getUTCFullYear(),
      expected.getUTCMonth(),
      expected.getUTCDate(),
    ]);
    expect(await (await client.get("/test")).text()).toBe("true");

    permanent = false;
    res = await client.get("/");
    expect(res.headers.get("set-cookie")).not.toBeNull();
    expect(res.headers.get("set-cookie")).not.toMatch(/\bexpires=/i);
  });

  it("test_session_stored_last", async () => {
    const app = sessionApp();
    app.afterRequest((res, req) => {
      req.session.set("foo", 42);
      return res;
    });
    app.get("/", (req) => String(req.session.get("foo") ?? "None"));
    const client = app.testClient();
    expect(await (await client.get("/")).text()).toBe("None");
    expect(await (await client.get("/")).text()).toBe("42");
  });

  it("test_session_special_types", async () => {
    // Flask's tagged types read back as JavaScript's: bytes as Uint8Array, datetime as Date. A
    // tuple is an array, and Markup and UUID have no JavaScript type (see the tagged-JSON tests).
    // What must survive is a dict whose only key looks like a tag.
    const app = sessionApp();
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    let readBack: Record<string, unknown> = {};
    app.get("/", (req) => {
      req.session.set("t", [1, 2, 3]);
      req.session.set("b", new Uint8Array([0xff]));
      req.session.set("d", now);
      req.session.set("t_tag", { " t": "not-a-tuple" });
      req.session.set("di_t_tag", { " t__": "not-a-tuple" });
      req.session.set("di_tag", { " di": "not-a-dict" });
      return ["", 204];
    });
    app.get("/read", (req) => {
      readBack = Object.fromEntries(req.session.entries());
      return "";
    });
    const client = app.testClient();
    await client.get("/");
    await client.get("/read");
    expect(readBack.t).toEqual([1, 2, 3]);
    expect(readBack.b).toBeInstanceOf(Uint8Array);
    expect([...(readBack.b as Uint8Array)]).toEqual([0xff]);
    expect(readBack.d).toEqual(now);
    expect(readBack.t_tag).toEqual({ " t": "not-a-tuple" });
    expect(readBack.di_t_tag).toEqual({ " t__": "not-a-tuple" });
    expect(readBack.di_tag).toEqual({ " di": "not-a-dict" });
  });

  it("test_session_cookie_setting", async () => {
    const app = sessionApp();
    let isPermanent = true;
    app.get("/bump", (req) => {
      const value = Number(req.session.get("foo", 0)) + 1;
      req.session.set("foo", value);
      req.session.permanent = isPermanent;
      return String(value);
    });
    app.get("/read", (req) => String(req.session.get("foo", 0)));
    const runTest = async (expectHeader: boolean) => {
      const client = app.testClient();
      expect(await (await client.get("/bump")).text()).toBe("1");
      expect(await (await client.get("/bump")).text()).toBe("2");
      expect(await (await client.get("/bump")).text()).toBe("3");
      const res = await client.get("/read");
      expect(res.headers.get("set-cookie") !== null).toBe(expectHeader);
      expect(await res.text()).toBe("3");
    };
    for (const [permanent, refresh, expectHeader] of [
      [true, true, true],
      [true, false, false],
      [false, true, false],
      [false, false, false],
    ] as const) {
      isPermanent = permanent;
      app.config.SESSION_REFRESH_EACH_REQUEST = refresh;
      await runTest(expectHeader);
    }
  });

  it("test_session_vary_cookie", async () => {
    const app = sessionApp();
    app.get("/set", (req) => {
      req.session.set("test", "test");
      return "";
    });
    app.get("/get", (req) => String(req.session.get("test")));
    app.get("/getitem", (req) => String(req.session.get("test")));
    app.get("/setdefault", (req) => {
      if (!req.session.has("test")) req.session.set("test", "default");
      return String(req.session.get("test"));
    });
    app.get("/clear", (req) => {
      req.session.clear();
      return "";
    });
    app.get("/vary-cookie-header-set", (req) => {
      req.session.set("test", "test");
      return new Response(null, { headers: { vary: "Cookie" } });
    });
    app.get("/vary-header-set", (req) => {
      req.session.set("test", "test");
      return new Response(null, { headers: { vary: "Accept-Encoding, Accept-Language" } });
    });
    app.get("/no-vary-header", () => "");
    const client = app.testClient();
    const expectVary = async (path: string, headerValue: string | null = "Cookie") => {
      const res = await client.get(path);
      // Headers joins repeated fields with ", ", so one field means no unexpected comma.
      expect(res.headers.get("vary")).toBe(headerValue);
    };

    await expectVary("/set");
    await expectVary("/get");
    await expectVary("/getitem");
    await expectVary("/setdefault");
    await expectVary("/clear");
    await expectVary("/vary-cookie-header-set");
    await expectVary("/vary-header-set", "Accept-Encoding, Accept-Language, Cookie");
    await expectVary("/no-vary-header", null);
  });

  it("test_session_refresh_vary", async () => {
    const app = sessionApp();
    app.get("/login", (req) => {
      req.session.set("user_id", 1);
      req.session.permanent = true;
      return "";
    });
    app.get("/ignored", () => "");
    const client = app.testClient();
    expect((await client.get("/login")).headers.get("vary")).toBe("Cookie");
    expect((await client.get("/ignored")).headers.get("vary")).toBe("Cookie");
  });

  it("test_flashes", async () => {
    const app = sessionApp();
    let seen: unknown[] = [];
    app.get("/", (req) => {
      const before = req.session.modified;
      flash(req, "Zap");
      req.session.modified = false;
      flash(req, "Zip");
      seen = [before, req.session.modified, getFlashedMessages(req)];
      return "";
    });
    await app.request("/");
    expect(seen).toEqual([false, true, ["Zap", "Zip"]]);
  });

  it("test_extended_flashing", async () => {
    // Flask flashes Markup("<em>Testing</em>") too; Vial's messages are strings (escape on output).
    const app = sessionApp();
    const seen: Record<string, unknown> = {};
    app.get("/", (req) => {
      flash(req, "Hello World");
      flash(req, "Hello World", "error");
      flash(req, "<em>Testing</em>", "warning");
      return "";
    });
    app.get("/test/", (req) => {
      seen.test = getFlashedMessages(req);
      return "";
    });
    app.get("/test_with_categories/", (req) => {
      seen.withCategories = getFlashedMessages(req, { withCategories: true });
      return "";
    });
    app.get("/test_filter/", (req) => {
      seen.filter = getFlashedMessages(req, { categoryFilter: ["message"], withCategories: true });
      return "";
    });
    app.get("/test_filters/", (req) => {
      seen.filters = getFlashedMessages(req, { categoryFilter: ["message", "warning"], withCategories: true });
      return "";
    });
    app.get("/test_filters_without_returning_categories/", (req) => {
      seen.filters2 = getFlashedMessages(req, { categoryFilter: ["message", "warning"] });
      return "";
    });

    for (const path of ["/test/", "/test_with_categories/", "/test_filter/", "/test_filters/", "/test_filters_without_returning_categories/"]) {
      const client = app.testClient();
      await client.get("/");
      await client.get(path);
    }
    expect(seen).toEqual({
      test: ["Hello World", "Hello World", "<em>Testing</em>"],
      withCategories: [["message", "Hello World"], ["error", "Hello World"], ["warning", "<em>Testing</em>"]],
      filter: [["message", "Hello World"]],
      filters: [["message", "Hello World"], ["warning", "<em>Testing</em>"]],
      filters2: ["Hello World", "<em>Testing</em>"],
    });
  });

  // Flask warns when any cookie passes MAX_COOKIE_SIZE; Vial refuses a session cookie that does
  // (an error naming its size, since browsers drop it silently) and does not measure others.
  it.skip("test_max_cookie_size (departure: an oversized session cookie is an error, not a warning)", () => {});
});
