import "server-only";
import { ToolInputError } from "../tool-error";
import { mupdf, withMupdfMessages } from "./mupdf-runtime";

const HEADER = new TextEncoder().encode("%PDF-");
const EOF_MARKER = new TextEncoder().encode("%%EOF");
// Readers accept junk before the header and after the last %%EOF; 1 KiB is their usual allowance.
const SLACK = 1024;

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = Math.max(0, from); i <= Math.min(haystack.length, to) - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Opens one uploaded PDF for reading, or says in plain words why it cannot be used.
 * A file mupdf had to repair is accepted when it still ends like a whole PDF
 * (viewers open those too), and refused when it stops short: a truncated upload
 * would otherwise merge as blank pages.
 */
export function openPdf(name: string, bytes: Uint8Array): { doc: mupdf.PDFDocument; pageCount: number } {
  if (indexOf(bytes, HEADER, 0, SLACK) < 0) {
    throw new ToolInputError(`${name} is not a PDF file.`, { fileName: name });
  }
  const { value, messages } = parse(name, bytes);
  const { doc, pageCount, repaired } = value;
  const refuse = (message: string) => {
    doc.destroy();
    return new ToolInputError(message, { fileName: name, cause: messages.length ? messages : undefined });
  };
  if (doc.needsPassword()) {
    throw refuse(`${name} is password-protected. Unlock it first, then try again.`);
  }
  if (repaired && indexOf(bytes, EOF_MARKER, bytes.length - SLACK, bytes.length) < 0) {
    throw refuse(`${name} is incomplete (it may not have finished uploading or downloading). Try it again from the original.`);
  }
  if (pageCount === 0) {
    throw refuse(`${name} has no pages.`);
  }
  return { doc, pageCount };
}

function parse(name: string, bytes: Uint8Array) {
  try {
    return withMupdfMessages(() => {
      const doc = mupdf.Document.openDocument(bytes, "application/pdf").asPDF();
      if (!doc) throw new Error("not opened as a PDF");
      // An encrypted file's pages cannot be counted until it is unlocked.
      if (doc.needsPassword()) return { doc, pageCount: 0, repaired: false };
      return { doc, pageCount: doc.countPages(), repaired: doc.wasRepaired() };
    });
  } catch (error) {
    throw new ToolInputError(`${name} is damaged and could not be read.`, { fileName: name, cause: error });
  }
}
