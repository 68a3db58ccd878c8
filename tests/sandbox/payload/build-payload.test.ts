import { describe, expect, it } from "vitest";
import { ASSETS_BY_MODE, buildPayload, CHECKS_PATH, NODE_HOST_PATH } from "../../../sandbox/payload/index";
import type { PayloadAssets } from "../../../sandbox/payload/index";
import { loadCourse } from "../../../sandbox/course";

const assets: PayloadAssets = Object.fromEntries(
  [...new Set([...ASSETS_BY_MODE.node, ...ASSETS_BY_MODE.worker])].map((name) => [name, `// ${name}`]),
);

describe("buildPayload", () => {
  it("lays out the bundles, the checks and the learner's files", () => {
    const tree = buildPayload({ files: { "app.ts": "app", "routes/users.ts": "users" }, checks: "checks", mode: "node", assets });
    expect(Object.keys(tree).sort()).toEqual([
      ".vial/checks.ts", ".vial/grader-host.mjs", ".vial/grader-runtime.mjs", ".vial/learner-host.mjs", ".vial/learner-runtime.mjs", ".vial/sucrase.mjs", ".vial/vial-node.mjs", ".vial/zod.mjs", "app.ts", "routes/users.ts",
    ]);
    expect(tree[CHECKS_PATH]).toBe("checks");
    expect(tree[NODE_HOST_PATH]).toBe("// grader-host.mjs");
  });

  it("gives a worker payload the browser bundle and no node entry", () => {
    const tree = buildPayload({ files: {}, checks: "", mode: "worker", assets });
    expect(Object.keys(tree).filter((path) => path.startsWith(".vial/")).sort()).toEqual([...ASSETS_BY_MODE.worker.map((n) => `.vial/${n}`), ".vial/checks.ts"].sort());
    expect(tree[NODE_HOST_PATH]).toBeUndefined();
  });

  it("adds the config parsers only for checks that use parse, in both modes", () => {
    const withParsers = { ...assets, "config-parsers.mjs": "// parsers" };
    for (const mode of ["node", "worker"] as const) {
      expect(buildPayload({ files: {}, checks: 'import { check } from "grader";', mode, assets: withParsers })).not.toHaveProperty([".vial/config-parsers.mjs"]);
      const tree = buildPayload({ files: {}, checks: 'import { check, parse } from "grader";', mode, assets: withParsers });
      expect(tree[".vial/config-parsers.mjs"]).toBe("// parsers");
      expect(() => buildPayload({ files: {}, checks: 'import { parse } from "grader";', mode, assets })).toThrow(/config-parsers\.mjs/);
    }
  });

  it("gives the config parsers to the course's lessons that review a Dockerfile or a workflow, and to no other", async () => {
    const course = await loadCourse();
    const withParsers = { ...assets, "config-parsers.mjs": "// parsers" };
    const given = course.chapters.flatMap((chapter) => chapter.lessons).filter((lesson) => ".vial/config-parsers.mjs" in buildPayload({ files: {}, checks: lesson.checks, mode: "worker", assets: withParsers }));
    expect(given.map((lesson) => lesson.id)).toEqual(["production/container-and-ci"]);
  });

  it("refuses to build without a bundle the mode needs", () => {
    expect(() => buildPayload({ files: {}, checks: "", mode: "node", assets: { ...assets, "sucrase.mjs": undefined } })).toThrow(/sucrase\.mjs/);
  });

  it("refuses learner paths that would overwrite the payload or leave the folder", () => {
    expect(() => buildPayload({ files: { ".vial/runtime.mjs": "evil" }, checks: "", mode: "node", assets })).toThrow(/not a path/);
    expect(() => buildPayload({ files: { "../outside.ts": "" }, checks: "", mode: "node", assets })).toThrow(/not a path/);
  });
});
