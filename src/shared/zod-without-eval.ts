import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may. Under our CSP
// (no 'unsafe-eval') the browser refuses that, and even the probe zod makes
// first is reported as a CSP violation. Jitless parsing is plenty fast for
// forms. Imported first by the client's root provider, before any schema runs.
z.config({ jitless: true });
