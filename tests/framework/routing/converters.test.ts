// The built-in converters, their arguments, and custom converters (Werkzeug's converter tests).
import { describe, expect, it } from "vitest";
import {
  defaultConverters,
  RouteMap,
  ValidationError,
  type ConverterArgs,
  type ConverterFactory,
} from "../../../framework/src/routing";
import { mapOf, notFound, outcome } from "./helpers";

const noArgs: ConverterArgs = { positional: [], named: {} };
const make = (name: string, named: Record<string, unknown> = {}, positional: unknown[] = []) =>
  (defaultConverters[name] as ConverterFactory)({ positional, named });

describe("int converter", () => {
  it("matches digits and gives a number; leading zeros are accepted without fixedDigits", () => {
    const map = mapOf([["/<int:n>", "n"]]);
    expect(outcome(map, "/42")).toEqual(["n", { n: 42 }]);
    expect(outcome(map, "/0042")).toEqual(["n", { n: 42 }]);
    expect(outcome(map, "/-1")).toEqual(notFound);
    expect(outcome(map, "/1.5")).toEqual(notFound);
    expect(outcome(map, "/٣")).toEqual(notFound);
    expect(outcome(map, "/99999999999999999999")).toEqual(notFound);
  });

  it("takes fixed digits, bounds and sign (test_int_converter, test_negative)", () => {
    const map = mapOf([
      ["/fixed/<int(fixed_digits=4):n>", "fixed"],
      ["/camel/<int(fixedDigits=2):n>", "camel"],
      ["/bounded/<int(min=1, max=99):n>", "bounded"],
      ["/signed/<int(signed=True):n>", "signed"],
      ["/positional/<int(3):n>", "positional"],
    ]);
    expect(outcome(map, "/fixed/0042")).toEqual(["fixed", { n: 42 }]);
    expect(outcome(map, "/fixed/42")).toEqual(notFound);
    expect(outcome(map, "/camel/07")).toEqual(["camel", { n: 7 }]);
    expect(outcome(map, "/bounded/99")).toEqual(["bounded", { n: 99 }]);
    expect(outcome(map, "/bounded/0")).toEqual(notFound);
    expect(outcome(map, "/bounded/100")).toEqual(notFound);
    expect(outcome(map, "/signed/-8")).toEqual(["signed", { n: -8 }]);
    expect(outcome(map, "/positional/007")).toEqual(["positional", { n: 7 }]);
    expect(map.build("fixed", { n: 7 })).toBe("/fixed/0007");
    expect(map.build("signed", { n: -8 })).toBe("/signed/-8");
  });

  it("pads negative numbers like Python's zfill", () => {
    const converter = make("int", { fixedDigits: 4, signed: true });
    expect(converter.toUrl(-5)).toBe("-005");
    expect(converter.toValue("-005")).toBe(-5);
  });

  it("builds from numeric strings and bigints", () => {
    const converter = make("int");
    expect(converter.toUrl("12")).toBe("12");
    expect(converter.toUrl(12n)).toBe("12");
    expect(() => converter.toUrl("twelve")).toThrow(ValidationError);
  });

  it("has weight 50", () => {
    expect(make("int").weight).toBe(50);
    expect(make("float").weight).toBe(50);
  });
});

describe("float converter", () => {
  it("matches digits with a point", () => {
    const map = mapOf([
      ["/f/<float:x>", "f"],
      ["/s/<float(signed=True):x>", "s"],
      ["/b/<float(min=0.5, max=1.5):x>", "b"],
    ]);
    expect(outcome(map, "/f/1.5")).toEqual(["f", { x: 1.5 }]);
    expect(outcome(map, "/f/1")).toEqual(notFound);
    expect(outcome(map, "/f/-1.5")).toEqual(notFound);
    expect(outcome(map, "/s/-1.5")).toEqual(["s", { x: -1.5 }]);
    expect(outcome(map, "/b/2.0")).toEqual(notFound);
    expect(outcome(map, "/b/1.0")).toEqual(["b", { x: 1 }]);
  });

  it("builds plain decimal notation that matches again", () => {
    const converter = make("float");
    expect(converter.toUrl(3)).toBe("3.0");
    expect(converter.toUrl(1e-7)).toBe("0.0000001");
    expect(converter.toUrl(1e21)).toBe("1000000000000000000000.0");
    expect(() => converter.toUrl(Number.NaN)).toThrow(ValidationError);
    expect(() => converter.toUrl(-1)).toThrow(ValidationError);
  });
});

describe("string converter", () => {
  it("matches one segment with length limits", () => {
    const map = mapOf([
      ["/exact/<string(length=2):code>", "exact"],
      ["/range/<string(minlength=2, maxlength=3):s>", "range"],
      ["/camel/<string(minLength=4):s>", "camel"],
      ["/snake/<string(max_length=1):s>", "snake"],
    ]);
    expect(outcome(map, "/exact/de")).toEqual(["exact", { code: "de" }]);
    expect(outcome(map, "/exact/deu")).toEqual(notFound);
    expect(outcome(map, "/range/a")).toEqual(notFound);
    expect(outcome(map, "/range/abc")).toEqual(["range", { s: "abc" }]);
    expect(outcome(map, "/range/abcd")).toEqual(notFound);
    expect(outcome(map, "/camel/abcd")).toEqual(["camel", { s: "abcd" }]);
    expect(outcome(map, "/snake/ab")).toEqual(notFound);
  });

  it("counts code points, not UTF-16 units", () => {
    const map = mapOf([["/<string(length=1):emoji>", "emoji"]]);
    expect(outcome(map, "/😀")).toEqual(["emoji", { emoji: "😀" }]);
  });

  it("is the default converter", () => {
    expect(defaultConverters.default).toBe(defaultConverters.string);
    expect(make("default").regex).toBe("[^/]{1,}");
  });
});

describe("uuid, path and any converters", () => {
  it("matches canonical UUIDs in any case and lower-cases them (test_uuid_converter)", () => {
    const map = mapOf([["/<uuid:id>", "id"]]);
    expect(outcome(map, "/A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")).toEqual(["id", { id: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" }]);
    expect(outcome(map, "/a0eebc999c0b4ef8bb6d6bb9bd380a11")).toEqual(notFound);
    expect(outcome(map, "/a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1")).toEqual(notFound);
  });

  it("path takes slashes, has weight 200 and is not part-isolating", () => {
    const path = make("path");
    expect(path).toMatchObject({ regex: "[^/].*?", weight: 200, partIsolating: false });
    const map = mapOf([["/files/<path:name>", "files"]]);
    expect(outcome(map, "/files/a/b c/d.txt")).toEqual(["files", { name: "a/b c/d.txt" }]);
    expect(outcome(map, "/files/a\nb")).toEqual(["files", { name: "a\nb" }]);
    expect(outcome(map, "/files/")).toEqual(notFound);
  });

  it("any matches only its choices, escaping regex characters", () => {
    const map = mapOf([["/<any(about, 'a.b', \"x|y\"):page>", "page"]]);
    expect(outcome(map, "/about")).toEqual(["page", { page: "about" }]);
    expect(outcome(map, "/a.b")).toEqual(["page", { page: "a.b" }]);
    expect(outcome(map, "/x|y")).toEqual(["page", { page: "x|y" }]);
    expect(outcome(map, "/axb")).toEqual(notFound);
    expect(outcome(map, "/x")).toEqual(notFound);
  });
});

describe("converter argument errors", () => {
  it("name the converter and the option", () => {
    const map = new RouteMap<null>();
    const add = (rule: string) => () => map.add(rule, { endpoint: rule, methods: ["GET"], data: null });
    expect(add("/<int(maximum=3):n>")).toThrow(/the int converter has no option "maximum" \(it accepts fixedDigits, min, max, signed\)/);
    expect(add("/<int(min='a'):n>")).toThrow(/"min" must be a number/);
    expect(add("/<int(1, 2, 3, True, 5):n>")).toThrow(/at most 4 positional/);
    expect(add("/<int(signed=1):n>")).toThrow(/"signed" must be True or False/);
    expect(add("/<string(length=-1):n>")).toThrow(/at least 0/);
    expect(add("/<string(minlength=3, maxlength=2):n>")).toThrow(/below its minlength/);
    expect(add("/<any():n>")).toThrow(/at least one choice/);
    expect(add("/<uuid(1):n>")).toThrow(/at most 0 positional/);
    expect(add("/<int(min=1 max=2):n>")).toThrow(/cannot parse converter argument/);
  });
});

describe("custom converters", () => {
  const listFactory: ConverterFactory = (args) => {
    const separator = String(args.named.sep ?? ",");
    return {
      regex: "[^/]+",
      weight: 100,
      partIsolating: true,
      toValue: (raw) => raw.split(separator),
      toUrl: (value) => (value as string[]).join(separator),
    };
  };
  const evenFactory: ConverterFactory = () => ({
    regex: "\\d+",
    weight: 50,
    partIsolating: true,
    toValue(raw) {
      const value = Number(raw);
      if (value % 2 !== 0) throw new ValidationError("odd");
      return value;
    },
    toUrl: (value) => String(value),
  });

  it("are registered by name and take arguments", () => {
    const map = new RouteMap<null>({ converters: { ...defaultConverters, list: listFactory, even: evenFactory } });
    map.add("/l/<list:items>", { endpoint: "list", methods: ["GET"], data: null });
    map.add("/p/<list(sep='+'):items>", { endpoint: "plus", methods: ["GET"], data: null });
    map.add("/n/<even:n>", { endpoint: "even", methods: ["GET"], data: null });
    map.add("/n/<int:n>", { endpoint: "int", methods: ["GET"], data: null });
    expect(outcome(map, "/l/a,b,c")).toEqual(["list", { items: ["a", "b", "c"] }]);
    expect(outcome(map, "/p/a+b")).toEqual(["plus", { items: ["a", "b"] }]);
    expect(map.build("list", { items: ["x", "y"] })).toBe("/l/x,y");
    expect(outcome(map, "/n/4")).toEqual(["even", { n: 4 }]);
    expect(outcome(map, "/n/5")).toEqual(["int", { n: 5 }]);
  });

  it("are merged with the defaults when given alone", () => {
    const map = new RouteMap<null>({ converters: { list: listFactory } });
    map.add("/<int:a>/<list:b>", { endpoint: "both", methods: ["GET"], data: null });
    expect(outcome(map, "/1/x,y")).toEqual(["both", { a: 1, b: ["x", "y"] }]);
  });

  it("take the rest of the path when not part-isolating", () => {
    const segments: ConverterFactory = () => ({
      regex: "[^/].*?",
      weight: 200,
      partIsolating: false,
      toValue: (raw) => raw.split("/"),
      toUrl: (value) => (value as string[]).join("/"),
    });
    const map = new RouteMap<null>({ converters: { segments } });
    map.add("/tree/<segments:parts>/raw", { endpoint: "raw", methods: ["GET"], data: null });
    expect(outcome(map, "/tree/a/b/c/raw")).toEqual(["raw", { parts: ["a", "b", "c"] }]);
    expect(map.build("raw", { parts: ["a b", "c"] })).toBe("/tree/a%20b/c/raw");
  });

  it("let errors other than ValidationError surface", () => {
    const broken: ConverterFactory = () => ({
      regex: "[^/]+",
      weight: 100,
      partIsolating: true,
      toValue: () => {
        throw new TypeError("bug in converter");
      },
      toUrl: String,
    });
    const map = new RouteMap<null>({ converters: { broken } });
    map.add("/<broken:x>", { endpoint: "x", methods: ["GET"], data: null });
    expect(() => map.match("/y", "GET")).toThrow(TypeError);
  });

  it("report a regex that does not compile", () => {
    const bad: ConverterFactory = () => ({ regex: "(", weight: 100, partIsolating: true, toValue: String, toUrl: String });
    const map = new RouteMap<null>({ converters: { bad } });
    expect(() => map.add("/<bad:x>", { endpoint: "x", methods: ["GET"], data: null })).toThrow(/Invalid route "\/<bad:x>": <bad:x>:/);
  });
});

describe("defaultConverters", () => {
  it("all but any accept empty arguments", () => {
    for (const [name, factory] of Object.entries(defaultConverters)) {
      if (name === "any") continue;
      expect(typeof factory(noArgs).regex).toBe("string");
    }
  });
});
