import "server-only";
import { ToolInputError } from "./tool-error";
import type { ToolCategory, ToolDefinition } from "./types";

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

/** The engine fault in an error or in its causes (tools may wrap one in a ToolInputError), or undefined. */
export function findEngineFault(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (isEngineFault(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

// A raw trap does not say whose it was; the tool's kind of work does.
const ENGINE_BY_CATEGORY: Record<ToolCategory, string> = { pdf: "PDF", image: "image", text: "text-reading", ai: "document-reading" };

/** The engine a tool's raw trap is blamed on, e.g. "PDF" for pdf.to-images. */
export function engineOf(tool: Pick<ToolDefinition, "category">): string {
  return ENGINE_BY_CATEGORY[tool.category];
}

/** Which engine and file a fault concerns: its own words when it is an EngineFaultError, else the tool's category. */
export function describeEngineFault(fault: unknown, tool: Pick<ToolDefinition, "category">): { engine: string; fileName?: string } {
  if (fault instanceof Error && fault.name === "EngineFaultError") {
    const { engine, fileName } = fault as EngineFaultError;
    return { engine: engine || engineOf(tool), fileName };
  }
  return { engine: engineOf(tool) };
}

/**
 * How a job ends when the fault came back on a fresh engine: a ToolInputError,
 * so the job runner does not retry it again, naming the file (the only input
 * when the fault did not say which) and the engine.
 */
export function engineFaultFailure(fault: unknown, tool: Pick<ToolDefinition, "category">, inputs: readonly { name: string }[]): ToolInputError {
  const described = describeEngineFault(fault, tool);
  const fileName = described.fileName ?? (inputs.length === 1 ? inputs[0]?.name : undefined);
  return new ToolInputError(new EngineFaultError(described.engine, { fileName }).message, { fileName });
}
