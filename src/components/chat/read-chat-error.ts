/**
 * The sentence to show for a failed chat request. Errors before streaming
 * arrive as the route's JSON body (`{ error: { message } }`) inside the
 * transport's error message; errors during the stream are already a sentence.
 */
export function readChatError(error: Error): string {
  try {
    const body = JSON.parse(error.message) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // Not JSON: a message from the stream, or a network failure.
  }
  if (/failed to fetch|networkerror|load failed/i.test(error.message)) return "Could not reach FileForge. Check your connection and try again.";
  return error.message || "Something went wrong. Try again.";
}
