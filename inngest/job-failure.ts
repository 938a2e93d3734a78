import "server-only";
import { NonRetriableError } from "inngest";
import { isToolInputError } from "@/server/tools/tool-error";

// How a durable function's failures reach the person: input that can never
// work ends the run at once with the tool's own words; anything else is
// retried, and if the last retry fails too, the person reads a generic line
// (the raw error may carry paths, SQL or a provider's request body).

/** Runs a step's work, turning a ToolInputError into a NonRetriableError with the same readable message. */
export async function failFastOnInputError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isToolInputError(error)) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

/** The message recorded once every retry failed: the readable one for input errors, else `generic`. */
export function finalFailureMessage(error: { name: string; message: string }, generic: string): string {
  return error.name === "NonRetriableError" ? error.message : generic;
}
