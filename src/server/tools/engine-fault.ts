/**
 * A fault of the engine itself, not of the file: a WASM trap (out-of-bounds
 * access, `unreachable`), an abort of the compiled C code, an allocation that
 * failed. After one of these the engine's heap may be corrupt, so whatever
 * caught it must not keep using that instance: a worker process retires, the
 * in-process runner drops the engine and loads a fresh one.
 *
 * Never report such a fault as "the file is damaged": other readers may open
 * the file fine. The job runner retries it once on a fresh engine and then
 * fails with a message naming the file and the engine.
 */
export class EngineFaultError extends Error {
  readonly fileName: string | undefined;
  readonly engine: string;

  constructor(engine: string, options: { fileName?: string; cause?: unknown }) {
    const about = options.fileName ? `${options.fileName} could not be processed` : "The file could not be processed";
    super(`${about} by the ${engine} engine.`, { cause: options.cause });
    this.name = "EngineFaultError";
    this.engine = engine;
    this.fileName = options.fileName;
  }
}

// What WASM runtimes and Emscripten builds throw when their heap is no longer
// trustworthy. Checked by message too: a trap caught and rethrown by library
// glue often loses its RuntimeError class.
const FAULT_MESSAGE = /memory access out of bounds|table index is out of bounds|null function or function signature mismatch|Aborted\(|Cannot enlarge memory/i;

/** True for a WASM trap, an Emscripten abort or an allocation failure: the engine instance is no longer safe to use. */
export function isEngineFault(error: unknown): boolean {
  if (error instanceof EngineFaultError) return true;
  if (error instanceof Error && error.name === "EngineFaultError") return true;
  if (typeof WebAssembly !== "undefined" && error instanceof WebAssembly.RuntimeError) return true;
  if (error instanceof Error && (error.name === "RuntimeError" || error.name === "ExitStatus")) return true;
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return FAULT_MESSAGE.test(message);
}
