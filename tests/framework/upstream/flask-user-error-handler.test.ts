// Ported from Flask's tests/test_user_error_handler.py (pallets/flask 2ac8988): every case, named
// after its upstream test. Flask's results were checked against Flask 2.2 (python3-flask) with the
// scripts quoted in the comments. Vial's spelling: `errorHandler(codeOrClass, fn)` for
// `@app.errorhandler`, `app.request(path)` for the test client, `originalError` for
// `original_exception`.
import { describe, expect, it } from "vitest";
import { Blueprint, Forbidden, HTTPError, InternalServerError, NotFound, Vial, abort } from "vial";

/** Flask's tests run with TESTING off where they look at 500s; Vial never re-raises, so only the logger is silenced. */
const quiet = { logger: { error: () => {} } };
const text = async (app: Vial, path: string) => (await app.request(path)).text();

describe("Flask tests/test_user_error_handler.py", () => {
  it("test_error_handler_no_match", async () => {
    class CustomException extends Error {}
    const app = new Vial(quiet);
    app.errorHandler(CustomException, (e) => {
      expect(e).toBeInstanceOf(CustomException);
      return "custom";
    });
    // Flask: TypeError "CustomException() is an instance, not a class."
    expect(() => app.errorHandler(new CustomException() as never, () => null)).toThrow(TypeError);
    // Flask: ValueError "Use a subclass of HTTPException with that code instead."
    expect(() => app.errorHandler(999, () => null)).toThrow(RangeError);
    // Flask also refuses `list` ("not a subclass of Exception"); JavaScript can throw any value,
    // so Vial accepts any class (see the departures in framework/README.md).
    app.errorHandler(500, (e: InternalServerError) => {
      expect(e).toBeInstanceOf(InternalServerError);
      return e.originalError !== undefined ? `wrapped ${(e.originalError as Error).name}` : "direct";
    });
    app.get("/custom", () => {
      throw new CustomException();
    });
    app.get("/keyerror", () => {
      throw new RangeError();
    });
    app.get("/abort", () => abort(500));

    expect(await text(app, "/custom")).toBe("custom");
    expect(await text(app, "/keyerror")).toBe("wrapped RangeError");
    expect(await text(app, "/abort")).toBe("direct");
  });

  it("test_error_handler_subclass", async () => {
    class ParentException extends Error {}
    class ChildExceptionUnregistered extends ParentException {}
    class ChildExceptionRegistered extends ParentException {}
    const app = new Vial();
    app.errorHandler(ParentException, () => "parent");
    app.errorHandler(ChildExceptionRegistered, () => "child-registered");
    app.get("/parent", () => {
      throw new ParentException();
    });
    app.get("/child-unregistered", () => {
      throw new ChildExceptionUnregistered();
    });
    app.get("/child-registered", () => {
      throw new ChildExceptionRegistered();
    });

    expect(await text(app, "/parent")).toBe("parent");
    expect(await text(app, "/child-unregistered")).toBe("parent");
    expect(await text(app, "/child-registered")).toBe("child-registered");
  });

  // Flask 2.2, handlers registered in either order:
  //   /forbidden -> b'forbidden', /forbidden-unregistered -> b'forbidden',
  //   /forbidden-registered -> b'forbidden-registered'
  for (const order of ["code first", "subclass first"] as const) {
    it(`test_error_handler_http_subclass (${order})`, async () => {
      class ForbiddenSubclassRegistered extends Forbidden {}
      class ForbiddenSubclassUnregistered extends Forbidden {}
      const app = new Vial();
      const byCode = () =>
        app.errorHandler(403, (e) => {
          expect(e).toBeInstanceOf(Forbidden);
          return "forbidden";
        });
      const bySubclass = () =>
        app.errorHandler(ForbiddenSubclassRegistered, (e) => {
          expect(e).toBeInstanceOf(ForbiddenSubclassRegistered);
          return "forbidden-registered";
        });
      if (order === "code first") {
        byCode();
        bySubclass();
      } else {
        bySubclass();
        byCode();
      }
      app.get("/forbidden", () => {
        throw new Forbidden();
      });
      app.get("/forbidden-registered", () => {
        throw new ForbiddenSubclassRegistered();
      });
      app.get("/forbidden-unregistered", () => {
        throw new ForbiddenSubclassUnregistered();
      });
      app.get("/abort", () => abort(403));

      expect(await text(app, "/forbidden")).toBe("forbidden");
      expect(await text(app, "/forbidden-unregistered")).toBe("forbidden");
      expect(await text(app, "/forbidden-registered")).toBe("forbidden-registered");
      expect(await text(app, "/abort")).toBe("forbidden");
    });
  }

  it("test_error_handler_blueprint", async () => {
    const bp = new Blueprint("bp");
    bp.errorHandler(500, () => "bp-error");
    bp.get("/error", () => {
      throw new InternalServerError();
    });
    const app = new Vial();
    app.errorHandler(500, () => "app-error");
    app.get("/error", () => {
      throw new InternalServerError();
    });
    app.register(bp, { urlPrefix: "/bp" });

    expect(await text(app, "/error")).toBe("app-error");
    expect(await text(app, "/bp/error")).toBe("bp-error");
  });

  it("test_default_error_handler", async () => {
    const bp = new Blueprint("bp");
    bp.errorHandler(HTTPError, (e) => {
      expect(e).toBeInstanceOf(NotFound);
      return "bp-default";
    });
    bp.errorHandler(Forbidden, () => "bp-forbidden");
    bp.get("/undefined", () => {
      throw new NotFound();
    });
    bp.get("/forbidden", () => {
      throw new Forbidden();
    });
    const app = new Vial();
    app.errorHandler(HTTPError, (e) => {
      expect(e).toBeInstanceOf(NotFound);
      return "default";
    });
    app.errorHandler(Forbidden, () => "forbidden");
    app.get("/forbidden", () => {
      throw new Forbidden();
    });
    app.get("/slash/", () => "slash");
    app.register(bp, { urlPrefix: "/bp" });

    expect(await text(app, "/bp/undefined")).toBe("bp-default");
    expect(await text(app, "/bp/forbidden")).toBe("bp-forbidden");
    expect(await text(app, "/undefined")).toBe("default");
    expect(await text(app, "/forbidden")).toBe("forbidden");
    // The routing redirect that adds the slash does not reach the HTTPError handler.
    const res = await app.testClient({ followRedirects: true }).get("/slash");
    expect(await res.text()).toBe("slash");
  });

  describe("TestGenericHandlers", () => {
    class Custom extends Error {
      override name = "Custom";
    }
    const genericApp = () => {
      const app = new Vial(quiet);
      app.get("/custom", () => {
        throw new Custom();
      });
      app.get("/error", () => {
        throw new RangeError();
      });
      app.get("/abort", () => abort(500));
      app.get("/raise", () => {
        throw new InternalServerError();
      });
      return app;
    };
    const reportError = (e: unknown) => {
      const original = e instanceof InternalServerError ? e.originalError : undefined;
      return original !== undefined ? `wrapped ${(original as Error).name}` : `direct ${(e as Error).name}`;
    };

    for (const toHandle of [InternalServerError, 500] as const) {
      it(`test_handle_class_or_code[${typeof toHandle === "number" ? toHandle : toHandle.name}]`, async () => {
        const app = genericApp();
        app.errorHandler(toHandle, (e) => {
          expect(e).toBeInstanceOf(InternalServerError);
          return reportError(e);
        });
        expect(await text(app, "/custom")).toBe("wrapped Custom");
        expect(await text(app, "/error")).toBe("wrapped RangeError");
        expect(await text(app, "/abort")).toBe("direct InternalServerError");
        expect(await text(app, "/raise")).toBe("direct InternalServerError");
      });
    }

    it("test_handle_generic_http", async () => {
      const app = genericApp();
      app.errorHandler(HTTPError, (e: HTTPError) => {
        expect(e).toBeInstanceOf(HTTPError);
        return String(e.status);
      });
      expect(await text(app, "/error")).toBe("500");
      expect(await text(app, "/abort")).toBe("500");
      expect(await text(app, "/not-found")).toBe("404");
    });

    it("test_handle_generic", async () => {
      const app = genericApp();
      app.errorHandler(Error, (e) => reportError(e));
      expect(await text(app, "/custom")).toBe("direct Custom");
      expect(await text(app, "/error")).toBe("direct RangeError");
      expect(await text(app, "/abort")).toBe("direct InternalServerError");
      expect(await text(app, "/not-found")).toBe("direct NotFound");
    });
  });
});
