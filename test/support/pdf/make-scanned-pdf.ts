import "server-only";

// Scanned-looking PDFs for compress and OCR tests and benchmarks: every page is one
// full-page JPEG, as a scanner writes them, with grain so encoders have real work.
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { mupdf, takeBytes } from "../../../src/server/tools/pdf/mupdf-runtime";

/** A noisy page-sized JPEG at `dpi`, optionally with text lines drawn on it. */
export async function makeScanJpeg(widthInches: number, heightInches: number, dpi: number, opts: { lines?: string[]; quality?: number } = {}) {
  const width = Math.round(widthInches * dpi);
  const height = Math.round(heightInches * dpi);
  // Paper grain from random bytes: far quicker than sharp's gaussian noise at 8 MP a page.
  const grain = randomBytes(width * height);
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < grain.length; i += 1) {
    const shade = 200 + ((grain[i] ?? 0) >> 3); // 200..231, a little warmer in red
    pixels[3 * i] = shade + 12;
    pixels[3 * i + 1] = shade + 8;
    pixels[3 * i + 2] = shade;
  }
  const fontSize = Math.round(dpi / 7); // about 10 pt
  const text = (opts.lines ?? [])
    .map((line, i) => `<text x="${dpi}" y="${dpi + i * fontSize * 1.6}" font-family="DejaVu Sans" font-size="${fontSize}" fill="#1a1a1a">${line}</text>`)
    .join("");
  const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${text}</svg>`);
  const paper = sharp(pixels, { raw: { width, height, channels: 3 } });
  const image = await paper.composite([{ input: overlay }]).jpeg({ quality: opts.quality ?? 85 }).withMetadata({ density: dpi }).toBuffer();
  return new Uint8Array(image);
}

/** A PDF of `pages` Letter-size (by default) pages, each one full-page scan JPEG embedded as it is. */
export async function makeScannedPdf(pages: number, dpi: number, size: [number, number] = [8.5, 11], linesOf?: (page: number) => string[]): Promise<Uint8Array> {
  const doc = new mupdf.PDFDocument();
  try {
    for (let page = 1; page <= pages; page += 1) {
      const jpeg = await makeScanJpeg(size[0], size[1], dpi, { lines: linesOf?.(page) });
      const image = new mupdf.Image(jpeg);
      const [w, h] = [size[0] * 72, size[1] * 72];
      const resources = doc.addObject({ XObject: { Scan: doc.addImage(image) } });
      doc.insertPage(-1, doc.addPage([0, 0, w, h], 0, resources, `q ${w} 0 0 ${h} 0 0 cm /Scan Do Q`));
      image.destroy();
    }
    return takeBytes(doc.saveToBuffer("compress"));
  } finally {
    doc.destroy();
  }
}
