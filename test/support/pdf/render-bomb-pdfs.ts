import "server-only";

// Hostile PDFs for the tools that draw or decode pages (to-images, compress,
// text.extract, text.ocr), made in the test so no binary fixture is kept.
import { randomBytes } from "node:crypto";
import { constants, deflateRawSync, deflateSync } from "node:zlib";
import { buildRawPdf } from "./build-raw-pdf";

const CATALOG = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// zlib's adler32_combine: the checksum of two pieces from theirs and the second's length.
function adler32Combine(first: number, second: number, secondLength: number): number {
  const base = 65521;
  const rem = secondLength % base;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % base;
  sum1 += (second & 0xffff) + base - 1;
  sum2 += (first >>> 16) + (second >>> 16) + base - rem;
  if (sum1 >= base) sum1 -= base;
  if (sum1 >= base) sum1 -= base;
  if (sum2 >= base * 2) sum2 -= base * 2;
  if (sum2 >= base) sum2 -= base;
  return ((sum2 << 16) | sum1) >>> 0;
}

/**
 * A zlib stream of `chunk` repeated `times`, built without holding the inflated
 * bytes: one full-flushed deflate block has no back-references across its end, so
 * it can be repeated; an empty final block and the combined Adler-32 close it.
 */
export function repeatedZlib(chunk: Uint8Array, times: number): Uint8Array {
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const one = adler32(chunk);
  let checksum = 1;
  for (let i = 0; i < times; i += 1) checksum = adler32Combine(checksum, one, chunk.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(checksum);
  return new Uint8Array(Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: times }, () => block), Buffer.from([0x03, 0x00]), trailer]));
}

function onePage(content: Uint8Array, contentDict: string, resources: string, extra: (string | { dict: string; stream: Uint8Array })[] = []) {
  return buildRawPdf([
    CATALOG,
    PAGES,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`,
    { dict: `<< /Length ${content.length}${contentDict} >>`, stream: content },
    ...extra,
  ]);
}

/** One page whose ~1 MB content stream inflates to about 1 GiB of real drawing operators. */
export function makeOperatorBombPdf(): Uint8Array {
  const chunk = latin1("0 0 1 1 re f\n".repeat(80_660)); // ≈1 MiB, a whole number of operators
  return onePage(repeatedZlib(chunk, 1024), " /Filter /FlateDecode", "<< >>");
}

/** One page drawing an image XObject that declares 30000×20000 RGB pixels (1.8 GB decoded) in a few hundred bytes. */
export function makeImageBombPdf(width = 30_000, height = 20_000): Uint8Array {
  const data = deflateSync(Buffer.alloc(65_536));
  const image = `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`;
  return onePage(latin1("q 595 0 0 842 0 0 cm /Im1 Do Q"), "", "<< /XObject << /Im1 5 0 R >> >>", [{ dict: image, stream: new Uint8Array(data) }]);
}

/** The same bomb as an inline image inside the content stream, which no resource dictionary shows. */
export function makeInlineImageBombPdf(): Uint8Array {
  const data = deflateSync(Buffer.alloc(4096));
  const content = Buffer.concat([
    Buffer.from("q 595 0 0 842 0 0 cm BI /W 30000 /H 20000 /CS /RGB /BPC 8 /F /Fl ID ", "latin1"),
    data,
    Buffer.from("\nEI Q", "latin1"),
  ]);
  return onePage(new Uint8Array(content), "", "<< >>");
}

/** Nine nested forms, each drawing the next ten times: a billion rectangles from a few hundred bytes. */
export function makeFormFanOutPdf(levels = 9): Uint8Array {
  const first = 5;
  const forms = Array.from({ length: levels }, (_, level) => {
    const last = level === levels - 1;
    const content = last ? "0 0 1 1 re f" : "/X Do ".repeat(10);
    const resources = last ? "<< >>" : `<< /XObject << /X ${first + level + 1} 0 R >> >>`;
    return { dict: `<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${resources} /Length ${content.length} >>`, stream: latin1(content) };
  });
  return onePage(latin1("/X Do"), "", `<< /XObject << /X ${first} 0 R >> >>`, forms);
}

/** The image bomb again, but drawn from a content stream behind a filter chain the page check does not decode. */
export function makeHiddenImageBombPdf(): Uint8Array {
  // 160 KB of incompressible comment keeps the chain too large for the check to decode whole.
  const padding = `% ${randomBytes(80_000).toString("hex")}\n`;
  const hex = `${deflateSync(Buffer.from(`${padding}q 595 0 0 842 0 0 cm /Im1 Do Q`, "latin1")).toString("hex")}>`;
  const data = deflateSync(Buffer.alloc(65_536));
  const image = `<< /Type /XObject /Subtype /Image /Width 30000 /Height 20000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`;
  return onePage(latin1(hex), " /Filter [/ASCIIHexDecode /FlateDecode]", "<< /XObject << /Im1 5 0 R >> >>", [{ dict: image, stream: new Uint8Array(data) }]);
}

/** 2.1 million tiny rectangles in 27 MB of content: under the size limit, over the operation limit. */
export function makeManyOperationsPdf(): Uint8Array {
  const content = deflateSync(Buffer.from("0 0 1 1 re f\n".repeat(2_100_000), "latin1"));
  return onePage(new Uint8Array(content), " /Filter /FlateDecode", "<< >>");
}

/** Three million glyphs in one string: 3 MB of content, but about 200 MB once a text device keeps each glyph. */
export function makeGlyphFloodPdf(): Uint8Array {
  const content = deflateSync(Buffer.from(`BT /F1 1 Tf 0 0 Td (${"A".repeat(3_000_000)}) Tj ET`, "latin1"));
  const font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  return onePage(new Uint8Array(content), " /Filter /FlateDecode", "<< /Font << /F1 5 0 R >> >>", [font]);
}
