import js from "@eslint/js";
import tseslint from "typescript-eslint";

// `_name` marks a parameter or binding kept on purpose (a callback's position, a destructured rest).
const unusedVars = ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }];

export default tseslint.config(
  { ignores: ["node_modules", ".next", "dist", "framework/dist", "out", "coverage", "workspace", "**/*.d.ts", "tests/lessons/fixtures", ".vial-bundle", "public/sw.js", "test-results", ".tmp*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": unusedVars,
    },
  },
  {
    // Typed rules for the framework: what users install gets the checks that need type information
    // (floating promises, unsafe any, awaiting non-promises). Its starter is a template for another
    // project (it imports the published "vial") and is type-checked by the packed-package test instead.
    files: ["framework/src/**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { "@typescript-eslint/no-explicit-any": "error", "@typescript-eslint/no-unused-vars": unusedVars },
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
