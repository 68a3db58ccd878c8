// Strict slashes and merged slashes, ported from Werkzeug's test_routing.py and test_merge_slashes.
import { describe, expect, it } from "vitest";
import { mapOf, notAllowed, notFound, outcome, redirectTo } from "./helpers";

describe("strict slashes", () => {
  it("redirects a branch rule requested without its slash, and 404s a leaf with one", () => {
    const map = mapOf([
      ["/bar/", "bar"],
      ["/leaf", "leaf"],
    ]);
    expect(outcome(map, "/bar")).toEqual(redirectTo("/bar/"));
    expect(outcome(map, "/leaf/")).toEqual(notFound);
  });

  it("keeps a redirect for the method whose rule is the branch (test_strict_slashes_redirect)", () => {
    for (const order of [0, 1]) {
      const specs = [
        ["/bar/", "get", { methods: ["GET"] }],
        ["/bar", "post", { methods: ["POST"] }],
      ] as const;
      const map = mapOf(order === 0 ? [...specs] : [...specs].reverse());
      expect(outcome(map, "/bar/", "GET")).toEqual(["get", {}]);
      expect(outcome(map, "/bar", "POST")).toEqual(["post", {}]);
      expect(outcome(map, "/bar", "GET")).toEqual(redirectTo("/bar/"));
      expect(outcome(map, "/bar/", "POST")).toEqual(notAllowed("GET"));
    }
  });

  it("answers 405 when only the branch matches and not for this method", () => {
    const map = mapOf([["/bar/", "get", { methods: ["GET"] }]]);
    expect(outcome(map, "/bar", "GET")).toEqual(redirectTo("/bar/"));
    expect(outcome(map, "/bar/", "POST")).toEqual(notAllowed("GET"));
    expect(outcome(map, "/bar", "POST")).toEqual(notAllowed("GET"));
  });

  it("redirects to the branch for any method it accepts (308 keeps the method)", () => {
    const map = mapOf([["/foo/", "foo", { methods: ["POST"] }]]);
    expect(outcome(map, "/foo", "POST")).toEqual(redirectTo("/foo/"));
  });

  it("does not redirect when another rule matches the path exactly", () => {
    const map = mapOf([
      ["/x/", "branch"],
      ["/<name>", "name"],
    ]);
    expect(outcome(map, "/x")).toEqual(["name", { name: "x" }]);
    expect(outcome(map, "/x/")).toEqual(["branch", {}]);
  });

  it("does not redirect when the converter would refuse the value", () => {
    const map = mapOf([["/n/<int(max=5):n>/", "n"]]);
    expect(outcome(map, "/n/3")).toEqual(redirectTo("/n/3/"));
    expect(outcome(map, "/n/9")).toEqual(notFound);
  });

  it("percent-encodes the redirect location (test_request_direct_charset_bug)", () => {
    const map = mapOf([["/öäü/", "umlauts"], ["/q/<name>/", "q"]]);
    expect(outcome(map, "/öäü")).toEqual(redirectTo("/%C3%B6%C3%A4%C3%BC/"));
    expect(outcome(map, "/q/a?b#c d%")).toEqual(redirectTo("/q/a%3Fb%23c%20d%25/"));
  });

  it("redirects a path variable with a trailing slash in the rule", () => {
    const map = mapOf([["/docs/<path:page>/", "docs"]]);
    expect(outcome(map, "/docs/a/b/")).toEqual(["docs", { page: "a/b" }]);
    expect(outcome(map, "/docs/a/b")).toEqual(redirectTo("/docs/a/b/"));
  });

  it("lets strictSlashes: false match both forms (test_strict_slashes_leaves_dont_consume)", () => {
    const map = mapOf(
      [
        ["/path1", "leaf"],
        ["/path1/", "branch"],
        ["/path2", "leaf", { strictSlashes: false }],
        ["/path2/", "branch"],
        ["/path3", "leaf"],
        ["/path3/", "branch", { strictSlashes: false }],
        ["/path4", "leaf", { strictSlashes: false }],
        ["/path4/", "branch", { strictSlashes: false }],
        ["/path5", "leaf"],
      ],
      { strictSlashes: false },
    );
    for (const path of ["/path1", "/path2", "/path3", "/path4"]) {
      expect(outcome(map, path)).toEqual(["leaf", {}]);
      expect(outcome(map, `${path}/`)).toEqual(["branch", {}]);
    }
    expect(outcome(map, "/path5")).toEqual(["leaf", {}]);
    expect(outcome(map, "/path5/")).toEqual(["leaf", {}]);
  });

  it("applies a per-rule strictSlashes: false under a strict map", () => {
    const map = mapOf([
      ["/loose/", "loose_branch", { strictSlashes: false }],
      ["/leaf", "loose_leaf", { strictSlashes: false }],
      ["/strict/", "strict_branch"],
    ]);
    expect(outcome(map, "/loose")).toEqual(["loose_branch", {}]);
    expect(outcome(map, "/leaf/")).toEqual(["loose_leaf", {}]);
    expect(outcome(map, "/strict")).toEqual(redirectTo("/strict/"));
  });

  it("redirects the empty path to the root rule", () => {
    const map = mapOf([["/", "index"]]);
    expect(outcome(map, "")).toEqual(redirectTo("/"));
  });
});

describe("merge slashes", () => {
  const map = mapOf([
    ["/no/tail", "no_tail"],
    ["/yes/tail/", "yes_tail"],
    ["/with/<path:path>", "with_path"],
    ["/no//merge", "no_merge", { mergeSlashes: false }],
    ["/no/merging", "no_merging", { mergeSlashes: false }],
  ]);

  it("redirects to the merged path (test_merge_slashes_match)", () => {
    expect(outcome(map, "/no//tail")).toEqual(redirectTo("/no/tail"));
    expect(outcome(map, "/yes//tail")).toEqual(redirectTo("/yes/tail/"));
    expect(outcome(map, "/yes/tail//")).toEqual(redirectTo("/yes/tail/"));
    expect(outcome(map, "//yes///tail////")).toEqual(redirectTo("/yes/tail/"));
    expect(outcome(map, "/no/tail")).toEqual(["no_tail", {}]);
    expect(outcome(map, "/yes/tail/")).toEqual(["yes_tail", {}]);
  });

  it("leaves slashes inside a path variable alone", () => {
    expect(outcome(map, "/with/http://example.com/")).toEqual(["with_path", { path: "http://example.com/" }]);
    expect(outcome(map, "/with/x//y")).toEqual(["with_path", { path: "x//y" }]);
  });

  it("respects rules that opt out of merging", () => {
    expect(outcome(map, "/no//merge")).toEqual(["no_merge", {}]);
    expect(outcome(map, "/no/merging")).toEqual(["no_merging", {}]);
    expect(outcome(map, "/no//merging")).toEqual(notFound);
  });

  it("merges slashes written in the rule itself", () => {
    const merged = mapOf([["/a//b", "ab"]]);
    expect(outcome(merged, "/a/b")).toEqual(["ab", {}]);
    expect(outcome(merged, "/a//b")).toEqual(redirectTo("/a/b"));
  });

  it("is off with mergeSlashes: false on the map", () => {
    const strict = mapOf([["/a/b", "ab"]], { mergeSlashes: false });
    expect(outcome(strict, "/a//b")).toEqual(notFound);
  });

  it("reports 405 for a merged path whose rule does not take the method", () => {
    const posts = mapOf([["/a/b", "ab", { methods: ["POST"] }]]);
    expect(outcome(posts, "/a//b", "GET")).toEqual(notAllowed("POST"));
  });
});
