import "server-only";
import { z } from "zod";
import { ToolInputError } from "../tool-error";

// The messages between the web process and a tool worker process. Both sides
// parse what they receive: a message is data from another process, so a
// malformed one is dropped rather than trusted. File bytes never travel here;
// they go through files in a per-job directory (see job-files.ts), which keeps
// large payloads from being (de)serialized on the web process's event loop.

const workerInput = z.object({ name: z.string(), mimeType: z.string(), size: z.number(), path: z.string() });
const workerOutput = z.object({ name: z.string(), mimeType: z.string(), path: z.string() });
const serializedError = z.object({ name: z.string(), message: z.string(), fileName: z.string().optional(), stack: z.string().optional() });

export type WorkerInput = z.infer<typeof workerInput>;
export type WorkerOutput = z.infer<typeof workerOutput>;
export type SerializedError = z.infer<typeof serializedError>;

export const parentMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("init"), toolModules: z.array(z.string()) }),
  z.object({
    type: z.literal("run"),
    jobId: z.string(),
    toolId: z.string(),
    inputs: z.array(workerInput),
    options: z.unknown(),
    outDir: z.string(),
  }),
  z.object({ type: z.literal("cancel"), jobId: z.string() }),
]);
export type ParentMessage = z.infer<typeof parentMessage>;
export type RunRequest = Extract<ParentMessage, { type: "run" }>;

export const childMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), tools: z.number() }),
  z.object({ type: z.literal("init-failed"), error: serializedError }),
  z.object({ type: z.literal("progress"), jobId: z.string(), percent: z.number(), step: z.string() }),
  z.object({ type: z.literal("ai-tokens"), jobId: z.string(), tokens: z.number().int().nonnegative() }),
  z.object({ type: z.literal("done"), jobId: z.string(), outputs: z.array(workerOutput) }),
  z.object({ type: z.literal("failed"), jobId: z.string(), error: serializedError }),
  // The engine trapped (or the process hit an uncaught error): the worker exits right after sending this.
  z.object({ type: z.literal("faulted"), jobId: z.string(), error: serializedError, engine: z.string(), fileName: z.string().optional() }),
]);
export type ChildMessage = z.infer<typeof childMessage>;

export function serializeError(error: unknown): SerializedError {
  if (error instanceof ToolInputError) return { name: error.name, message: error.message, fileName: error.fileName };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: "Error", message: String(error) };
}

/**
 * The caller's side of an error thrown in a worker. A ToolInputError comes back
 * as a ToolInputError, so the job runner still fails it at once instead of retrying.
 */
export function reviveError(error: SerializedError): Error {
  if (error.name === "ToolInputError") return new ToolInputError(error.message, { fileName: error.fileName });
  const revived = new Error(error.message);
  revived.name = error.name;
  if (error.stack) revived.stack = error.stack;
  return revived;
}
