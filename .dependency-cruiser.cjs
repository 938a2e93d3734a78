/**
 * The import graph's rules, checked by `npm run check:cycles` (part of
 * `npm run lint`, so CI fails on a break). dependency-cruiser parses .ts/.tsx
 * with TypeScript, so it sees `import type` and tells it apart.
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle makes load order matter and hides which module owns what. Imports that TypeScript erases " +
        "(`import type`) are not edges at runtime, so a cycle made only of them is allowed.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "durable-functions-are-not-imported",
      severity: "error",
      comment:
        "Durable functions (inngest/) import services, never the reverse: services enqueue through " +
        "src/server/events/. Only the serve route and the embedded engine's start-up load the function list.",
      from: {
        path: "^src/",
        pathNot: ["^src/app/api/inngest/route\\.ts$", "^src/server/durable/embedded/start-for-app\\.ts$", "\\.test\\.tsx?$"],
      },
      to: { path: "^inngest/" },
    },
    {
      name: "services-send-through-events",
      severity: "error",
      comment: "Services and routers enqueue with sendEvent (src/server/events/send-event.ts), not the Inngest client itself.",
      from: { path: "^src/server/(services|api)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^src/server/events/inngest-client\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^node_modules/", "^\\.next/", "^src/server/db/generated/"] },
    // Keep `import type` edges in the graph, marked type-only, so the cycle rule can tell them apart.
    tsPreCompilationDeps: true,
    // The tsconfig paths (`@/…`, `~/…`) come from here rather than `tsConfig`: see that file for why.
    webpackConfig: { fileName: ".dependency-cruiser.resolve.cjs" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types"],
    },
  },
};
