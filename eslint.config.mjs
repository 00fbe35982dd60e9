// ESLint (flat config): Next's rules (core web vitals + TypeScript) plus
// typescript-eslint rules that need type information — a promise nobody
// awaits is a write that can fail silently or finish after the response.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    // The React Compiler's rules (Recall does not use the compiler) flag patterns
    // this code relies on on purpose: state read from the device after hydration
    // (time zone, the first-run tour), state reset when a prop or route changes,
    // and a DOM write (the theme on <html>) inside an event handler.
    files: ["app/**/*.tsx"],
    rules: { "react-hooks/set-state-in-effect": "off", "react-hooks/immutability": "off" },
  },
  {
    // Playwright's fixtures call a function named `use`: not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".scratch/**", ".stryker-tmp/**", "reports/**", "public/sw.js"]),
]);
