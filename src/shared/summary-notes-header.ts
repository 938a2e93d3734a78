// How POST /api/ai/summary hands the result's notes ("Offline mode: …",
// "Only pages 1–40 of 90 fit …") to the tool page. They are known before the
// first token, and useCompletion hands the page nothing but text deltas and
// errors from the stream, so they travel as a response header the page's
// fetch reads. Header values are bytes, not Unicode: the notes contain dashes
// and quotes, hence JSON, percent-encoded. Shared by the route and the page.

export const SUMMARY_NOTES_HEADER = "x-fileforge-notes";

export function encodeSummaryNotes(notes: readonly string[]): string {
  return encodeURIComponent(JSON.stringify(notes));
}

/** The notes in a header value; anything unreadable is no notes rather than an error. */
export function decodeSummaryNotes(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    return Array.isArray(parsed) ? parsed.filter((note): note is string => typeof note === "string") : [];
  } catch {
    return [];
  }
}
