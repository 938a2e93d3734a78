import "server-only";

/**
 * Input that can never work however often it is retried: an encrypted or damaged
 * PDF, a pixel bomb, the wrong kind of file. The message is shown to the person
 * who uploaded the file, so it names the file and says what to do, without jargon.
 * The job runner turns it into a non-retriable failure; any other error is retried.
 */
export class ToolInputError extends Error {
  readonly fileName: string | undefined;

  constructor(message: string, options?: { fileName?: string; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = "ToolInputError";
    this.fileName = options?.fileName;
  }
}

/**
 * `instanceof` alone fails when the class is loaded twice (a bundled copy next to
 * an external one), so the name is checked as well.
 */
export function isToolInputError(error: unknown): error is ToolInputError {
  return error instanceof ToolInputError || (error instanceof Error && error.name === "ToolInputError");
}

/** Counts in those messages: "5,000 pages". Sizes use formatBytes from @/shared/format-bytes, the one the UI uses. */
export function formatCount(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
