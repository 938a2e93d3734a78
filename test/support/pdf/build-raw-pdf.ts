import "server-only";

// Writes PDFs byte by byte, so tests can make files no well-behaved library would
// produce: lying page counts, cycles, bombs, broken cross-reference tables.

/** One indirect object: its text ("<< /Type /Page ... >>"), or a stream's dictionary and raw (already encoded) bytes. */
export type RawObject = string | { dict: string; stream: Uint8Array };

export type RawPdfOptions = {
  /** Object number of the catalog; 1 unless said otherwise. */
  root?: number;
  /** "shifted" writes every offset 7 bytes off, as a file edited by hand or mangled in transfer. */
  xref?: "valid" | "shifted";
};

const latin1 = (text: string) => Buffer.from(text, "latin1");

/** Object n is objects[n - 1]; the xref table is written from the real byte offsets. */
export function buildRawPdf(objects: readonly RawObject[], options: RawPdfOptions = {}): Uint8Array {
  const parts: Buffer[] = [latin1("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let length = parts[0]?.length ?? 0;
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    if (typeof object === "string") {
      push(latin1(`${index + 1} 0 obj\n${object}\nendobj\n`));
      return;
    }
    push(latin1(`${index + 1} 0 obj\n${object.dict}\nstream\n`));
    push(Buffer.from(object.stream));
    push(latin1("\nendstream\nendobj\n"));
  });
  const xrefAt = length;
  const shift = options.xref === "shifted" ? 7 : 0;
  const rows = offsets.map((offset) => `${String(offset + shift).padStart(10, "0")} 00000 n \n`).join("");
  push(latin1(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}`));
  push(latin1(`trailer\n<< /Size ${objects.length + 1} /Root ${options.root ?? 1} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** A PDF string literal in Helvetica's WinAnsi encoding, for plain ASCII text. */
export function textContent(text: string, y = 780): string {
  const escaped = text.replace(/[\\()]/g, (char) => `\\${char}`);
  return `BT /F1 12 Tf 50 ${y} Td (${escaped}) Tj ET`;
}

export const HELVETICA = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
