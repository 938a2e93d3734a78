import "server-only";
import { isEngineFault } from "../engine-fault";
import { mupdf, withMupdfMessages } from "./mupdf-runtime";
import { pdfEngineFault } from "./pdf-read-failure";

export type ParsedPdf = { doc: mupdf.PDFDocument; pageCount: number; repaired: boolean };

/**
 * Opens a PDF with mupdf and, when that finds no pages or fails cleanly, opens it
 * a second time with its cross-reference table ignored, rebuilt from the objects
 * themselves (what poppler does when a table is wrong). mupdf rebuilds on its
 * own only when the table is unreadable; a table that reads fine but points at
 * the wrong bytes (offsets zeroed or shifted by an editor, an update whose /Prev
 * loops) otherwise leaves it with no pages or an error.
 *
 * The second pass costs what mupdf's own repair of a broken file costs (one scan
 * of the bytes), holds one more copy of them, and decodes no page content.
 * An engine fault in either pass is an EngineFaultError, never a refusal.
 * Throws the first pass's error when neither pass can read the file.
 */
export function openOrRebuildPdf(name: string, bytes: Uint8Array, open: (bytes: Uint8Array) => ParsedPdf = parse): { value: ParsedPdf; messages: string[] } {
  const messages: string[] = [];
  const attempt = (input: Uint8Array): { parsed: ParsedPdf } | { error: unknown } => {
    try {
      const result = withMupdfMessages(() => open(input));
      messages.push(...result.messages);
      return { parsed: result.value };
    } catch (error) {
      if (isEngineFault(error)) throw pdfEngineFault(name, error);
      return { error };
    }
  };
  const first = attempt(bytes);
  if ("parsed" in first && (first.parsed.pageCount > 0 || first.parsed.doc.needsPassword())) return { value: first.parsed, messages };
  const second = attempt(withoutStartxref(bytes));
  if ("parsed" in second && second.parsed.pageCount > 0 && !second.parsed.doc.needsPassword()) {
    if ("parsed" in first) first.parsed.doc.destroy();
    return { value: { ...second.parsed, repaired: true }, messages };
  }
  if ("parsed" in second) second.parsed.doc.destroy();
  if ("parsed" in first) return { value: first.parsed, messages };
  throw first.error;
}

function parse(bytes: Uint8Array): ParsedPdf {
  const doc = mupdf.Document.openDocument(bytes, "application/pdf").asPDF();
  if (!doc) throw new Error("not opened as a PDF");
  try {
    // An encrypted file's pages cannot be counted until it is unlocked.
    if (doc.needsPassword()) return { doc, pageCount: 0, repaired: false };
    return { doc, pageCount: doc.countPages(), repaired: doc.wasRepaired() };
  } catch (error) {
    doc.destroy();
    throw error;
  }
}

const STARTXREF = Buffer.from("startxref", "latin1");

/**
 * A copy whose every `startxref` is defaced: mupdf then cannot find the file's
 * cross-reference table and rebuilds one by scanning for objects and trailers.
 */
function withoutStartxref(bytes: Uint8Array): Uint8Array {
  const copy = Buffer.from(bytes);
  for (let at = copy.indexOf(STARTXREF); at >= 0; at = copy.indexOf(STARTXREF, at + STARTXREF.length)) copy.write("STARTXREF", at, "latin1");
  return new Uint8Array(copy.buffer, copy.byteOffset, copy.byteLength);
}
