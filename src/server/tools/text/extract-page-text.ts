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
 * The page's text, and for a page without any, whether it shows an image (a
 * scan without a text layer) or is blank. Plain text comes from mupdf's own
 * writer; the JSON with fonts is parsed only for Markdown. Images are looked
 * for only on pages without text: recording them costs about a fifth of the
 * extraction time, and a page with text needs no OCR hint.
 */
export function readPageText(doc: mupdf.PDFDocument, index: number, fileName: string, withFonts: boolean): PageText {
  const ref = { doc, index, fileName };
  const stext = pageStructuredText(ref, "preserve-whitespace");
  try {
    const plain = tidy(stext.asText());
    if (plain === "") return { plain, blocks: [], hasImages: pageShowsImage(ref) };
    return { plain, blocks: withFonts ? textBlocks(stext) : [], hasImages: false };
  } finally {
    stext.destroy();
  }
}

function textBlocks(stext: mupdf.StructuredText): TextLine[][] {
  const json = JSON.parse(stext.asJSON()) as StextJson;
  const blocks: TextLine[][] = [];
  for (const block of json.blocks) {
    if (block.type !== "text") continue;
    const lines = block.lines
      .map((line) => ({ text: line.text.replace(/\s+$/, ""), size: line.font.size, bold: line.font.weight === "bold" }))
      .filter((line) => line.text.trim() !== "");
    if (lines.length > 0) blocks.push(lines);
  }
  return blocks;
}

function pageShowsImage(ref: { doc: mupdf.PDFDocument; index: number; fileName: string }): boolean {
  // preserve-images only records where images are; it does not decode them.
  const stext = pageStructuredText(ref, "preserve-images");
  try {
    return (JSON.parse(stext.asJSON()) as StextJson).blocks.some((block) => block.type === "image");
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
