// Fixed limits that the UI shows or enforces as a courtesy and the server
// enforces for real. One constant each, so the two never disagree. Per-role
// limits (file size, files per day, …) are Quota rows an admin edits; the
// UI reads those through tRPC, not from here.

/** Characters in one chat question: the composer's maxLength and the chat route's zod bound. */
export const MAX_QUESTION_CHARS = 4_000;
