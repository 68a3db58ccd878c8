import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", ".next", "dist", "framework/dist", "out", "coverage", "workspace", "**/*.d.ts", "tests/lessons/fixtures", ".vial-bundle", "public/sw.js", "test-results", ".tmp*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // A starter is unfinished on purpose: it may take a parameter (`createApp(env)`) or import a
    // helper that only the learner's solution will use.
    files: ["lessons/**/starter/**"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js", "scripts/**", "bench/**"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly" } },
  },
);
