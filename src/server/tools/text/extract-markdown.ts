import "server-only";
import type { PageText, TextLine } from "./extract-page-text";

// Headings are guessed from font size against the body text's size, the most
// common size by characters in the whole document. Page separators are "## Page
// N", so headings found on pages start one level below, at ###.
const HEADING_LEVELS = [
  { ratio: 1.6, marks: "###" },
  { ratio: 1.25, marks: "####" },
];
const MAX_HEADING_CHARS = 120;

/** The size most characters are set in: the body text. */
export function bodyFontSize(pages: readonly PageText[]): number {
  const chars = new Map<number, number>();
  for (const page of pages) {
    for (const block of page.blocks) {
      for (const line of block) chars.set(Math.round(line.size), (chars.get(Math.round(line.size)) ?? 0) + line.text.length);
    }
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [body, most] = [size, count];
  return body;
}

export function pageMarkdown(page: PageText, bodySize: number, headings: boolean): string {
  return page.blocks.map((block) => blockMarkdown(block, bodySize, headings)).join("\n\n");
}

function blockMarkdown(block: TextLine[], bodySize: number, headings: boolean): string {
  const text = joinLines(block);
  const size = Math.max(...block.map((line) => line.size));
  const level = headings && bodySize > 0 && text.length <= MAX_HEADING_CHARS ? HEADING_LEVELS.find(({ ratio }) => size >= bodySize * ratio) : undefined;
  if (level) return `${level.marks} ${escapeInline(text)}`;
  return escapeLineStart(escapeInline(text));
}

/** A paragraph's lines become one line; a word broken at a line end with a hyphen is joined. */
function joinLines(block: TextLine[]): string {
  let text = "";
  for (const line of block) {
    const piece = line.text.trim();
    if (text.endsWith("-") && /^[a-z]/.test(piece)) text = text.slice(0, -1) + piece;
    else text = text ? `${text} ${piece}` : piece;
  }
  return text;
}

// Only what would change the meaning of ordinary prose: emphasis markers, links, code and HTML.
const escapeInline = (text: string) => text.replace(/([\\`*_[\]<>])/g, "\\$1");

/** A paragraph that starts like a heading, list item or rule would turn into one ("1. Results" stays text as "1\\. Results"). */
const escapeLineStart = (text: string) =>
  text.replace(/^(\d+)([.)])(\s)/, "$1\\$2$3").replace(/^(#{1,6}\s|[-+]\s|={3,}|-{3,})/, (marker) => `\\${marker}`);
