import "server-only";
import type { mupdf } from "../pdf/mupdf-runtime";
import { pageStructuredText } from "../pdf/render-page";

/** One line of a page's text with the size of its first font, as mupdf groups them. */
export type TextLine = { text: string; size: number; bold: boolean };
/** A block is what a reader sees as one paragraph or heading; `plain` is the page as plain text. */
export type PageText = { plain: string; blocks: TextLine[][]; hasImages: boolean };

type StextJson = {
  blocks: ({ type: "image" } | { type: "text"; lines: { text: string; font: { size: number; weight: string } }[] })[];
};

/**
 * The page's text, and whether it shows any image (a scan without a text layer).
 * Plain text comes from mupdf's own writer; the JSON with fonts, about 10% slower,
 * is parsed only for Markdown or to tell a scan from a blank page.
 */
export function readPageText(doc: mupdf.PDFDocument, index: number, fileName: string, withFonts: boolean): PageText {
  // preserve-images only records where images are; it does not decode them.
  const stext = pageStructuredText({ doc, index, fileName }, "preserve-images,preserve-whitespace");
  try {
    const plain = tidy(stext.asText());
    if (!withFonts && plain !== "") return { plain, blocks: [], hasImages: false };
    const json = JSON.parse(stext.asJSON()) as StextJson;
    const blocks: TextLine[][] = [];
    let hasImages = false;
    for (const block of json.blocks) {
      if (block.type === "image") {
        hasImages = true;
        continue;
      }
      const lines = block.lines
        .map((line) => ({ text: line.text.replace(/\s+$/, ""), size: line.font.size, bold: line.font.weight === "bold" }))
        .filter((line) => line.text.trim() !== "");
      if (lines.length > 0) blocks.push(lines);
    }
    return { plain, blocks, hasImages };
  } finally {
    stext.destroy();
  }
}

/** No trailing spaces, at most one blank line in a row, none at the ends. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
