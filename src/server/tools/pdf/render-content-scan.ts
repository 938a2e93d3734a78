import "server-only";
import { constants, inflateSync } from "node:zlib";
import { takeBytes, type mupdf } from "./mupdf-runtime";
import { MAX_PAGE_CONTENT_BYTES } from "./render-limits";

// Reads one content stream for checkPageCost: how big it is decoded, how many
// bytes sit in its strings, and which XObjects it draws how often. It never
// decodes more than the page budget, whatever the stream claims.

export class PageCostError extends Error {}

const NAME = String.raw`[^\s/\[\]()<>{}%]+`;
const DO_OPERATOR = new RegExp(String.raw`/(${NAME})\s*Do(?![^\s/\[\]()<>{}%])`, "g");

// The most a filter can expand its input, to know when mupdf may safely decode a stream whole.
const EXPANSION: Record<string, number> = { ASCIIHexDecode: 1, AHx: 1, ASCII85Decode: 2, A85: 2, RunLengthDecode: 64, RL: 64, LZWDecode: 4096, LZW: 4096 };
const FLATE_EXPANSION = 1032;

/** Decoded size and the forms/images a content stream draws, decoding at most the budget. */
export function decodedContent(stream: mupdf.PDFObject): { bytes: number; text: number; xobjects: Map<string, number> } {
  const raw = takeBytes(stream.readRawStream());
  const filter = stream.get("Filter");
  const filters: string[] = [];
  if (filter.isName()) filters.push(filter.asName());
  if (filter.isArray()) filter.forEach((item) => void filters.push(item.isName() ? item.asName() : ""));
  const expansion = filters.reduce((product, name) => product * (EXPANSION[name] ?? FLATE_EXPANSION), 1);
  let bytes: Uint8Array = raw;
  if (filters.length > 0 && raw.length * expansion <= MAX_PAGE_CONTENT_BYTES) {
    // Small enough that even the worst expansion fits the budget: mupdf decodes any filter.
    bytes = takeBytes(stream.readStream());
  } else if (filters.length === 1 && (filters[0] === "FlateDecode" || filters[0] === "Fl")) {
    try {
      bytes = inflateSync(raw, { maxOutputLength: MAX_PAGE_CONTENT_BYTES + 1, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if (error instanceof RangeError) throw new PageCostError("content");
      // Damaged data: mupdf stops where zlib stops, so the raw size is a fair bound.
    }
  } else if (filters.length > 0) {
    // A large stream behind unusual filters: rare; the guard device bounds it while drawing.
    return { bytes: raw.length, text: 0, xobjects: new Map() };
  }
  return { bytes: bytes.length, text: countStringBytes(bytes), xobjects: countDrawnNames(bytes) };
}

function countDrawnNames(bytes: Uint8Array): Map<string, number> {
  const counts = new Map<string, number>();
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("Do") < 0) return counts;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  for (const match of text.matchAll(DO_OPERATOR)) {
    const name = match[1] ?? "";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const OPEN = 0x28; // (
const CLOSE = 0x29; // )
const BACKSLASH = 0x5c;
const LESS = 0x3c; // <
const GREATER = 0x3e; // >

/** Bytes inside (literal) and <hex> strings: each shown byte can become one glyph. */
function countStringBytes(bytes: Uint8Array): number {
  let count = 0;
  let depth = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (depth > 0) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === OPEN) depth += 1;
      else if (byte === CLOSE) depth -= 1;
      count += 1;
    } else if (byte === OPEN) {
      depth = 1;
    } else if (byte === LESS && bytes[i + 1] !== LESS) {
      const end = bytes.indexOf(GREATER, i + 1);
      if (end < 0) break;
      count += (end - i) >> 1;
      i = end;
    } else if (byte === LESS) {
      i += 1; // "<<" opens a dictionary
    }
  }
  return count;
}
