// Turns a failed tRPC mutation into what a form shows: per-field messages
// from the server's zod validation, or one readable message.
export type FieldErrors = Record<string, string[] | undefined>;

export function readFormError(error: unknown): { fields: FieldErrors; message: string | null } {
  const data = (error as { data?: { zodError?: { fieldErrors?: FieldErrors } | null } } | null)?.data;
  const fields = data?.zodError?.fieldErrors;
  if (fields && Object.keys(fields).length > 0) return { fields, message: null };
  const message = error instanceof Error && error.message ? error.message : "Something went wrong. Try again.";
  return { fields: {}, message };
}
