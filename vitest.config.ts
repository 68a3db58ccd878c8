import { defineConfig } from "vitest/config";

// "vial-source" first: inside this repository, `import "vial"` loads framework/src/*.ts, not the
// compiled dist/ that the published package points to (framework/package.json `exports`). The
// rest are Vite's default server conditions, which setting the list replaces.
const conditions = ["vial-source", "module", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["vial-source"] } },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    testTimeout: 20_000,
  },
});
