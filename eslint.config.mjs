import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import noServerInClient from "./eslint-rules/no-server-in-client.mjs";

// src/server is Node-only (every module there imports `server-only`). Type-only
// imports are erased at compile time, so they stay allowed everywhere.
const serverImports = {
  patterns: [
    {
      regex: "^(@|~/src)/server(/|$)",
      allowTypeImports: true,
      message: "Client and shared code cannot import src/server. Move what both sides need to src/shared/.",
    },
    {
      regex: "^(\\.\\./)+server(/|$)",
      allowTypeImports: true,
      message: "Client and shared code cannot import src/server. Move what both sides need to src/shared/.",
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "src/server/db/generated/**", "next-env.d.ts", "bench/results/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only src/env.js reads the environment in app code.
    files: ["src/**/*.{ts,tsx}", "inngest/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/env.js." },
      ],
    },
  },
  {
    // Any file that starts with "use client", wherever it lives.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { fileforge: { rules: { "no-server-in-client": noServerInClient } } },
    rules: { "fileforge/no-server-in-client": "error" },
  },
  {
    // Folders that are client or isomorphic by nature, including the modules
    // "use client" files import without the directive themselves. src/shared
    // runs on both sides, so it must not lean on the server either.
    files: ["src/components/**/*.{ts,tsx}", "src/stores/**/*.{ts,tsx}", "src/shared/**/*.{ts,tsx}"],
    // The one server component among the components: it reads the session.
    ignores: ["src/components/layout/site-header.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", serverImports] },
  },
];

export default config;
