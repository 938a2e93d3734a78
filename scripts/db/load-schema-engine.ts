// Loads Prisma's schema engine as WebAssembly. The native engine cannot be
// downloaded here, and the WASM package's entry point does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot load, so
// we instantiate the .wasm ourselves and wire it to the generated JS glue.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export type { SchemaEngine };

// The glue keeps the instance in a module-level variable: instantiate once per
// process, however many engines are created.
let wasmReady: Promise<void> | undefined;

// The engine reports the reason for a Rust panic through this global; without
// it the panic surfaces as "Cannot read properties of undefined". After a
// panic the instance is unusable, so the next load instantiates a fresh one.
interface PanicRegistry {
  set_message(message: string): void;
}
const registryHolder = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
let lastPanic: string | undefined;
registryHolder.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    lastPanic = message;
    wasmReady = undefined;
  },
};

/** The message of a panic since the last call, if any (then cleared). */
export function takeSchemaEnginePanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

// applyMigrations starts a 10 s timer (Prisma's advisory-lock timeout) and
// never clears it, which kept every command alive 10 s after its work was
// done. The engine's timers must not keep the process alive on their own.
function withUnrefTimers(imports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = { ...imports };
  for (const [name, value] of Object.entries(imports)) {
    if (!name.startsWith("__wbg_setTimeout_") || typeof value !== "function") continue;
    patched[name] = (...args: unknown[]): unknown => {
      const timer: unknown = value(...args);
      if (timer && typeof timer === "object" && "unref" in timer && typeof timer.unref === "function") timer.unref();
      return timer;
    };
  }
  return patched;
}

async function instantiateWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  // The package exports no package.json; the glue file sits next to the .wasm.
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
  // Every import of the module lives in schema_engine_bg.js under this name.
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers({ ...glue }) });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
}

export interface LoadSchemaEngineOptions {
  /** `[path, content]` of each Prisma schema file. */
  datamodels: [string, string][];
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Engine log lines (JSON strings); dropped unless given. */
  onLog?: (line: string) => void;
}

export async function loadSchemaEngine(options: LoadSchemaEngineOptions): Promise<SchemaEngine> {
  wasmReady ??= instantiateWasm();
  await wasmReady;
  const onLog = options.onLog ?? (() => {});
  return glue.SchemaEngine.new(
    { datamodels: options.datamodels },
    (line: unknown) => onLog(String(line)),
    bindMigrationAwareSqlAdapterFactory(options.adapterFactory),
  );
}
