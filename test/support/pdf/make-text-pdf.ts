import "server-only";

// A PDF whose pages carry the given paragraphs, so tests can check that a fact
// is found, quoted and cited on the page where it was printed.
import { mupdf, takeBytes } from "../../../src/server/tools/pdf/mupdf-runtime";

const CHARS_PER_LINE = 90;

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

const escapePdfString = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);

/** One page per entry (an empty string gives a blank page); plain ASCII text in Helvetica 10 pt. */
export function makeTextPdf(pages: readonly string[]): Uint8Array {
  const doc = new mupdf.PDFDocument();
  try {
    const font = doc.addSimpleFont(new mupdf.Font("Helvetica"));
    for (const text of pages) {
      const lines = wrap(text).map((line) => `(${escapePdfString(line)}) '`);
      const content = lines.length > 0 ? `BT /F1 10 Tf 50 800 Td 13 TL ${lines.join(" ")} ET` : "";
      doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, doc.addObject({ Font: { F1: font } }), content));
    }
    return takeBytes(doc.saveToBuffer("compress"));
  } finally {
    doc.destroy();
  }
}
