import { describe, expect, it } from "vitest";
import { forwardToBuilt } from "../../framework/src/forward-to-built";

/** Like the worker engine's cookie-keeping Response: a subclass that overrides only `headers`. */
class HeadersOnlySubclass extends Response {
  override get headers(): Headers {
    return super.headers;
  }
}

function lazyOver(Native: typeof Response) {
  class Lazy {
    #built: Response | undefined;
    build(): Response {
      return (this.#built ??= new Native("made late", { status: 201, headers: { "x-made": "late" } }));
    }
  }
  forwardToBuilt(Lazy.prototype, Native.prototype, (self) => (self as Lazy).build());
  return new Lazy() as unknown as Response;
}

describe("forwardToBuilt", () => {
  it("answers every member of Response from the built one", async () => {
    const lazy = lazyOver(Response);
    expect(lazy.status).toBe(201);
    expect(lazy.headers.get("x-made")).toBe("late");
    expect(await lazy.text()).toBe("made late");
    expect(lazy).toBeInstanceOf(Response);
  });

  it("forwards the members a subclass inherits, not only those it defines (the global Response may be a sandbox's subclass)", async () => {
    const lazy = lazyOver(HeadersOnlySubclass);
    // Before, `status` and `body` fell through to the native getters, which refuse a stand-in.
    expect(lazy.status).toBe(201);
    expect(lazy.body).not.toBeNull();
    expect(lazy.headers.get("x-made")).toBe("late");
    expect(await lazy.text()).toBe("made late");
    expect(lazy).toBeInstanceOf(Response);
  });
});
