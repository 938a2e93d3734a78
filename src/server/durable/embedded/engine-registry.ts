import "server-only";
import type { EmbeddedEngine } from "./engine";

// The engine is found through globalThis, not a module variable: Next.js
// bundles instrumentation.ts and each route separately, so a module-level
// singleton would exist once per bundle, while globalThis is one per process.
const slot = globalThis as unknown as { fileforgeEmbeddedEngine?: EmbeddedEngine };

/** The engine started in this process, if any. */
export function getEmbeddedEngine(): EmbeddedEngine | undefined {
  return slot.fileforgeEmbeddedEngine;
}

export function setEmbeddedEngine(engine: EmbeddedEngine | undefined): void {
  slot.fileforgeEmbeddedEngine = engine;
}
