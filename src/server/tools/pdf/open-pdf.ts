import "server-only";
import { ToolInputError } from "../tool-error";
import type { mupdf } from "./mupdf-runtime";
import { openOrRebuildPdf } from "./open-or-rebuild-pdf";

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
 * Whether the file ends like a whole PDF: its last %%EOF is near the end, or only
 * junk follows it (padding, a signature block) and no object of a later revision
 * that was cut off.
 */
function endsLikeWholePdf(bytes: Uint8Array): boolean {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eof = view.lastIndexOf(EOF_MARKER);
  if (eof < 0) return false;
  return eof >= bytes.length - SLACK || (view.indexOf("endobj", eof) < 0 && view.indexOf("stream", eof) < 0);
}

/**
 * Opens one uploaded PDF for reading, or says in plain words why it cannot be used.
 * A file mupdf had to repair is accepted when it still ends like a whole PDF
 * (viewers open those too), and refused when it stops short: a truncated upload
 * would otherwise merge as blank pages. "Damaged" is said only when neither
 * mupdf nor its rebuild of the cross-reference table can read the file; a fault
 * of the engine itself is an EngineFaultError, never a refusal.
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
  if (repaired && !endsLikeWholePdf(bytes)) throw refuse(incomplete(name));
  if (pageCount === 0) {
    throw refuse(`${name} has no pages.`);
  }
  return { doc, pageCount };
}

const incomplete = (name: string) => `${name} is incomplete (it may not have finished uploading or downloading). Try it again from the original.`;

function parse(name: string, bytes: Uint8Array) {
  try {
    return openOrRebuildPdf(name, bytes);
  } catch (error) {
    if (error instanceof Error && error.name === "EngineFaultError") throw error;
    // Neither pass could read it: a file cut short says so rather than "damaged".
    const message = endsLikeWholePdf(bytes) ? `${name} is damaged and could not be read.` : incomplete(name);
    throw new ToolInputError(message, { fileName: name, cause: error });
  }
}
