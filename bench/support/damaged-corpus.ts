// The files bench/pdf-damaged-corpus-bench.ts reads: damaged PDFs it makes from
// good ones, the PDFs Debian's documentation packages installed on this machine,
// and any directories named on the command line (public test corpora of PDF
// readers, fetched by whoever runs it; none of them is kept in this repository).
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { mupdf, takeBytes } from "../../src/server/tools/pdf/mupdf-runtime";
import { DAMAGES, OBJECT_STREAM_DAMAGES } from "../../test/support/pdf/damage-pdf";
import { makePdf } from "../../test/support/pdf/make-pdf";

export type CorpusFile = { corpus: string; file: string };

const MAX_FILE_BYTES = 50_000_000;

/** Debian's documentation PDFs, unpacked into `dir` when they were installed gzipped. */
export async function debianDocs(dir: string): Promise<CorpusFile[]> {
  let found: string[] = [];
  try {
    found = execFileSync("find", ["/usr/share/doc", "-name", "*.pdf", "-o", "-name", "*.pdf.gz"], { encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    return [];
  }
  await mkdir(dir, { recursive: true });
  const files: CorpusFile[] = [];
  for (const [index, source] of found.sort().entries()) {
    const raw = await readFile(source);
    const target = path.join(dir, `${index}-${path.basename(source, ".gz")}`);
    await writeFile(target, source.endsWith(".gz") ? gunzipSync(raw) : raw);
    files.push({ corpus: "debian-docs", file: target });
  }
  return files;
}

/** Every kind of damage applied to each base PDF; a damage that does not apply to a base (no classic xref table) is skipped. */
export async function generateDamaged(dir: string, bases: { name: string; bytes: Uint8Array }[]): Promise<CorpusFile[]> {
  await mkdir(dir, { recursive: true });
  const files: CorpusFile[] = [];
  const write = async (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, `${name}.pdf`);
    await writeFile(file, bytes);
    files.push({ corpus: "generated", file });
  };
  for (const base of bases) {
    for (const [damage, apply] of Object.entries(DAMAGES)) {
      try {
        await write(`${base.name}--${damage}`, apply(base.bytes));
      } catch {
        // This base has no classic xref table, or nothing the damage targets.
      }
    }
    const withObjectStreams = resave(base.bytes, "compress,objstms");
    for (const [damage, apply] of Object.entries(OBJECT_STREAM_DAMAGES)) await write(`${base.name}--${damage}`, apply(withObjectStreams));
  }
  return files;
}

/** Generated bases: a small text PDF, and a real document (the smallest Debian doc PDF) re-saved with a classic xref table. */
export function damageBases(debian: CorpusFile[], debianBytes: Map<string, Uint8Array>): { name: string; bytes: Uint8Array }[] {
  const bases = [{ name: "text-5p", bytes: makePdf("bench", 5, { linesPerPage: 20 }) }];
  const smallest = debian.map((entry) => debianBytes.get(entry.file)).filter((bytes): bytes is Uint8Array => !!bytes && bytes.length > 50_000).sort((a, b) => a.length - b.length)[0];
  if (smallest) bases.push({ name: "debian-doc", bytes: resave(smallest, "compress") });
  return bases;
}

function resave(bytes: Uint8Array, options: string): Uint8Array {
  const doc = new mupdf.PDFDocument(bytes);
  try {
    return takeBytes(doc.saveToBuffer(options));
  } finally {
    doc.destroy();
  }
}

/** Every *.pdf under `root` (recursively) up to 50 MB, labelled with the directory's name. */
export async function corpusDir(root: string): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.pdf$/i.test(entry.name) && (await stat(full)).size <= MAX_FILE_BYTES) files.push({ corpus: path.basename(root), file: full });
    }
  };
  await walk(root);
  return files.sort((a, b) => a.file.localeCompare(b.file));
}
