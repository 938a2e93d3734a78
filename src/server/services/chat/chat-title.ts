import "server-only";

const MAX_TITLE = 80;

/** A chat's title from its first question: one line, cut at a word before 80 characters. */
export function chatTitleFrom(question: string): string {
  const line = question.replace(/\s+/g, " ").trim();
  if (line.length <= MAX_TITLE) return line || "New chat";
  const cut = line.lastIndexOf(" ", MAX_TITLE - 1);
  return `${line.slice(0, cut > MAX_TITLE / 2 ? cut : MAX_TITLE - 1)}…`;
}
