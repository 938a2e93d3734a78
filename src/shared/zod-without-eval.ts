// Zod compiles object parsers with `new Function` when it may. Under our CSP
// (no 'unsafe-eval') the browser refuses that, and even the probe zod makes
// first is reported as a CSP violation. Jitless parsing is plenty fast for
// forms. Imported first by the client's root provider, before any schema runs.
//
// Set through zod's global config object rather than `z.config()`: importing
// zod here would put all of it (~60 KB compressed) on every page, including
// pages that never parse anything. Zod adopts an existing
// `globalThis.__zod_globalConfig` when it loads (and `z.config()` writes into
// that same object), so this works before or after zod is loaded.
const zodGlobal = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodGlobal.__zod_globalConfig = Object.assign(zodGlobal.__zod_globalConfig ?? {}, { jitless: true });

export {};
