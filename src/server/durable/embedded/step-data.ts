import "server-only";
import { Prisma } from "@/server/db/generated/client";

/** Inngest caps step results (and function output) at 4 MB; the engine does too, so code that works here works there. */
export const MAX_STEP_DATA_BYTES = 4 * 1024 * 1024;

export class StepDataTooLargeError extends Error {
  constructor(what: string, bytes: number) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    super(
      `${what} is ${mb} MB of JSON; Inngest caps step data at 4 MB. ` +
        "Keep file bytes in storage and return ids or storage keys instead.",
    );
    this.name = "StepDataTooLargeError";
  }
}

export type StoredJson = Prisma.InputJsonValue | typeof Prisma.JsonNull;

/**
 * Step results travel as JSON, exactly as with an Inngest server: Dates become
 * strings, undefined becomes null, class instances become plain objects.
 * Returns both the column value and the value the function will see on replay.
 */
export function toStoredJson(value: unknown, what: string): { stored: StoredJson; replayed: unknown } {
  const text = JSON.stringify(value ?? null) ?? "null";
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_STEP_DATA_BYTES) throw new StepDataTooLargeError(what, bytes);
  const replayed: unknown = JSON.parse(text);
  return { stored: replayed === null ? Prisma.JsonNull : (replayed as Prisma.InputJsonValue), replayed };
}

/** A serialized error in the shape the SDK sends and expects back (name, message, stack). */
export function serializedError(error: unknown): Prisma.InputJsonValue {
  try {
    const { replayed } = toStoredJson(error, "The error");
    if (replayed && typeof replayed === "object") return replayed as Prisma.InputJsonValue;
  } catch {
    // An error too large to store keeps its message only.
  }
  return { name: "Error", message: errorMessage(error), __serialized: true };
}

/** The user-readable message of a serialized or thrown error. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message;
  return String(error);
}
