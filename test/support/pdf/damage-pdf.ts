import "server-only";

// Damages a good PDF the ways real files get damaged: cut short in transfer,
// edited by hand, line endings rewritten, a byte flipped on a bad disk. Used by
// the opening tests and by bench/pdf-damaged-corpus-bench.ts, so no damaged
// fixture has to be kept.

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** The text of the last classic xref table ("xref … trailer"), or null for a file with an xref stream. */
function lastXref(text: string): { start: number; end: number } | null {
  const start = text.lastIndexOf("\nxref");
  const end = text.indexOf("trailer", start);
  return start < 0 || end < 0 ? null : { start: start + 1, end };
}

function editXrefRows(pdf: Uint8Array, edit: (offset: number, row: number) => number): Uint8Array {
  const text = latin1(pdf);
  const xref = lastXref(text);
  if (!xref) throw new Error("no classic xref table to damage");
  let row = 0;
  const table = text.slice(xref.start, xref.end).replace(/^(\d{10}) (\d{5}) n/gm, (_line, offset: string, generation: string) => {
    const moved = Math.max(0, edit(Number(offset), row++));
    return `${String(moved).padStart(10, "0").slice(-10)} ${generation} n`;
  });
  return bytesOf(text.slice(0, xref.start) + table + text.slice(xref.end));
}

function replaceLast(pdf: Uint8Array, pattern: RegExp, replacement: string): Uint8Array {
  const text = latin1(pdf);
  const matches = [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`))];
  const last = matches.at(-1);
  if (last?.index === undefined) throw new Error(`nothing matches ${pattern}`);
  return bytesOf(text.slice(0, last.index) + replacement + text.slice(last.index + last[0].length));
}

/** Each kind of damage, applied to a PDF with a classic xref table (as makePdf writes). */
export const DAMAGES = {
  "truncated-at-50%": (pdf: Uint8Array) => pdf.slice(0, Math.floor(pdf.length * 0.5)),
  "truncated-at-90%": (pdf: Uint8Array) => pdf.slice(0, Math.floor(pdf.length * 0.9)),
  "truncated-before-trailer": (pdf: Uint8Array) => pdf.slice(0, latin1(pdf).lastIndexOf("trailer")),
  "missing-eof-marker": (pdf: Uint8Array) => replaceLast(pdf, /%%EOF\s*$/, ""),
  "xref-offsets-shifted": (pdf: Uint8Array) => editXrefRows(pdf, (offset) => offset + 13),
  "xref-offsets-zeroed": (pdf: Uint8Array) => editXrefRows(pdf, () => 0),
  "xref-bytes-flipped": (pdf: Uint8Array) => editXrefRows(pdf, (offset, row) => (row % 2 ? Number(String(offset).split("").reverse().join("")) : offset)),
  "xref-missing": (pdf: Uint8Array) => {
    const text = latin1(pdf);
    const xref = lastXref(text);
    if (!xref) throw new Error("no classic xref table to remove");
    return bytesOf(text.slice(0, xref.start) + text.slice(xref.end));
  },
  "trailer-missing": (pdf: Uint8Array) => replaceLast(pdf, /trailer\s*<<[\s\S]*?>>\s*/, ""),
  "trailer-without-root": (pdf: Uint8Array) => replaceLast(pdf, /\/Root \d+ \d+ R/, ""),
  "startxref-wrong": (pdf: Uint8Array) => replaceLast(pdf, /startxref\s+\d+/, "startxref\n123"),
  "startxref-past-end": (pdf: Uint8Array) => replaceLast(pdf, /startxref\s+\d+/, `startxref\n${pdf.length * 4}`),
  "startxref-missing": (pdf: Uint8Array) => replaceLast(pdf, /startxref\s+\d+\s*/, ""),
  "garbage-prefix-500": (pdf: Uint8Array) => new Uint8Array(Buffer.concat([Buffer.alloc(500, "Z"), Buffer.from(pdf)])),
  "garbage-suffix-20k": (pdf: Uint8Array) => new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.alloc(20_000, 0x2a)])),
  "endobj-deleted": (pdf: Uint8Array) => {
    const text = latin1(pdf);
    const at = text.indexOf("endobj", Math.floor(text.length / 3));
    return bytesOf(text.slice(0, at) + text.slice(at + "endobj".length));
  },
  "stream-length-too-long": (pdf: Uint8Array) => bytesOf(latin1(pdf).replace(/\/Length (\d+)/g, (_match, n: string) => `/Length ${Number(n) + 40}`)),
  "stream-length-too-short": (pdf: Uint8Array) => bytesOf(latin1(pdf).replace(/\/Length (\d+)/g, (_match, n: string) => `/Length ${Math.max(0, Number(n) - 9)}`)),
  "line-endings-crlf": (pdf: Uint8Array) => {
    // Streams stay intact where they are binary; only text lines change, so every offset after the first moves.
    const text = latin1(pdf);
    return bytesOf(text.replace(/(obj|endobj|endstream|>>|trailer|xref|startxref|%%EOF)\n/g, "$1\r\n"));
  },
  "page-count-wrong": (pdf: Uint8Array) => bytesOf(latin1(pdf).replace(/\/Count (\d+)/, (_match, n: string) => `/Count ${Number(n) + 3}`)),
  "header-damaged": (pdf: Uint8Array) => bytesOf(`%PDF-1.x\n${latin1(pdf).slice(latin1(pdf).indexOf("\n") + 1)}`),
} satisfies Record<string, (pdf: Uint8Array) => Uint8Array>;

/** Damage to a PDF saved with object streams (an xref stream, objects packed in streams). */
export const OBJECT_STREAM_DAMAGES = {
  "objstm-xref-stream-flipped": (pdf: Uint8Array) => flipInside(pdf, latin1(pdf).lastIndexOf("stream\n") + 7, 6),
  "objstm-data-flipped": (pdf: Uint8Array) => flipInside(pdf, latin1(pdf).indexOf("stream\n", latin1(pdf).indexOf("/ObjStm")) + 7, 6),
  "objstm-startxref-wrong": (pdf: Uint8Array) => replaceLast(pdf, /startxref\s+\d+/, "startxref\n40"),
  "objstm-truncated-at-95%": (pdf: Uint8Array) => pdf.slice(0, Math.floor(pdf.length * 0.95)),
} satisfies Record<string, (pdf: Uint8Array) => Uint8Array>;

/** Inverts `count` bytes starting at `at`, as a bad sector or a broken transfer would. */
function flipInside(pdf: Uint8Array, at: number, count: number): Uint8Array {
  const copy = pdf.slice();
  for (let i = at; i < Math.min(copy.length, at + count); i += 1) copy[i] = (copy[i] ?? 0) ^ 0xff;
  return copy;
}
