import "server-only";
import { EngineFaultError, isEngineFault } from "../engine-fault";
import { ToolInputError } from "../tool-error";

/**
 * The error to throw when mupdf failed on a file. A fault of the engine itself
 * (a WASM trap, an abort) says so and names the file: it is never called
 * "damaged", since other readers may open the file and a fresh engine may too.
 * Anything else is the file's own fault, told in `message`.
 */
export function pdfReadFailure(fileName: string | undefined, cause: unknown, message: string): ToolInputError | EngineFaultError {
  return isEngineFault(cause) ? pdfEngineFault(fileName, cause) : new ToolInputError(message, { fileName, cause });
}

/** A fault of mupdf itself while working on `fileName`, as the job runner recognises it (it retires the engine). */
export function pdfEngineFault(fileName: string | undefined, cause: unknown): EngineFaultError {
  return cause instanceof EngineFaultError ? cause : new EngineFaultError("PDF", { fileName, cause });
}
