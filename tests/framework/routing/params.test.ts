// Type-level tests for RouteParams: checked by `tsc` (expectTypeOf and @ts-expect-error lines),
// with a few runtime assertions tying the types to what the map really returns.
import { describe, expect, expectTypeOf, it } from "vitest";
import { RouteMap, type RouteParams } from "../../../framework/src/routing";

// Declaration merging: a project adds its own converter's value type.
declare module "../../../framework/src/routing/params" {
  interface ConverterTypes {
    routingTestList: string[];
  }
}

describe("RouteParams", () => {
  it("reads converters and names from the rule string", () => {
    expectTypeOf<RouteParams<"/u/<int:id>/<name>/<int(min=1):page>">>().toEqualTypeOf<{ id: number; name: string; page: number }>();
    expectTypeOf<RouteParams<"/<float:x>/<path:rest>/<uuid:id>/<string(length=2):code>">>().toEqualTypeOf<{
      x: number;
      rest: string;
      id: string;
      code: string;
    }>();
    expectTypeOf<RouteParams<"/<any(about, help):page>">>().toEqualTypeOf<{ page: string }>();
    expectTypeOf<RouteParams<"/file-<int:id>.<any(json, xml):format>">>().toEqualTypeOf<{ id: number; format: string }>();
    expectTypeOf<RouteParams<"/<int(fixed_digits=4, signed=True):n>">>().toEqualTypeOf<{ n: number }>();
  });

  it("gives string for unknown converters and {} without variables", () => {
    expectTypeOf<RouteParams<"/<mystery:x>">>().toEqualTypeOf<{ x: string }>();
    expectTypeOf<RouteParams<"/about/">>().toEqualTypeOf<Record<never, never>>();
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` is exactly what handlers see
    expectTypeOf<RouteParams<"/">>().toEqualTypeOf<{}>();
  });

  it("uses converter types added by declaration merging", () => {
    expectTypeOf<RouteParams<"/tags/<routingTestList:tags>">>().toEqualTypeOf<{ tags: string[] }>();
  });

  it("falls back to a loose record for a non-literal rule", () => {
    expectTypeOf<RouteParams<string>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it("rejects wrong names and wrong types", () => {
    const params = {} as RouteParams<"/u/<int:id>/<name>">;
    // @ts-expect-error: there is no variable "ident"
    void params.ident;
    // @ts-expect-error: id is a number, not a string
    const id: string = params.id;
    // @ts-expect-error: name is a string, not a number
    const name: number = params.name;
    void id;
    void name;
    const none = {} as RouteParams<"/plain">;
    // @ts-expect-error: a rule without variables has no params
    void none.id;
    expectTypeOf<RouteParams<"/u/<int:id>">>().not.toEqualTypeOf<{ id: string }>();
  });

  it("agrees with what the map returns at run time", () => {
    const map = new RouteMap<null>();
    map.add("/u/<int:id>/<name>", { endpoint: "u", methods: ["GET"], data: null });
    const result = map.match("/u/7/ada", "GET");
    expect(result.kind).toBe("match");
    const params = (result.kind === "match" ? result.params : {}) as RouteParams<"/u/<int:id>/<name>">;
    expect(typeof params.id).toBe("number");
    expect(typeof params.name).toBe("string");
  });
});
