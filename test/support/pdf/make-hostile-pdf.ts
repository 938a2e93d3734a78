import "server-only";

// Hostile PDFs for safety tests, made in the test so no binary fixture has to be
// kept. Every PDF tool should meet each of these with a readable error or a quick,
// small success, and never with a crash, a hang or gigabytes of memory.
import { constants, deflateRawSync } from "node:zlib";
import { makePdf } from "./make-pdf";
import { buildRawPdf, HELVETICA, textContent, type RawObject } from "./build-raw-pdf";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const textPageResources = "<< /Font << /F1 4 0 R >> >>";

/**
 * One page whose content stream is about 1 MB of Flate data that inflates to
 * `inflatedBytes` (1 GiB by default) of zeros. Built without ever holding the
 * inflated bytes: 1 MiB of zeros is deflated once with a full flush, which ends
 * the block on a byte boundary with no back-references into it, so the same
 * compressed block can be repeated; an empty final block and the Adler-32 close it.
 */
export function makeStreamBombPdf(inflatedBytes = GIB): Uint8Array {
  if (inflatedBytes % MIB !== 0) throw new Error("inflatedBytes must be a whole number of MiB");
  const block = deflateRawSync(Buffer.alloc(MIB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const repeats = inflatedBytes / MIB;
  // Adler-32 of n zero bytes: a stays 1, b adds a once per byte.
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((inflatedBytes % 65521) << 16) | 1) >>> 0);
  const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: repeats }, () => block), Buffer.from([0x03, 0x00]), adler]);
  return buildRawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
    { dict: `<< /Length ${zlib.length} /Filter /FlateDecode >>`, stream: new Uint8Array(zlib) },
  ]);
}

/** One real page under a page tree that claims `claimedPages` (10 million by default). */
export function makePageCountBombPdf(claimedPages = 10_000_000): Uint8Array {
  return buildRawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [3 0 R] /Count ${claimedPages} >>`,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${textPageResources} /Contents 5 0 R >>`,
    HELVETICA,
    stream(textContent("the only real page")),
  ]);
}

/** `pages` real, tiny pages sharing one content stream: 100,000 of them is about 7 MB. */
export function makeManyPagesPdf(pages: number): Uint8Array {
  const first = 5; // objects 1-4 are the catalog, the page tree, the font and the content
  const kids = Array.from({ length: pages }, (_, index) => `${first + index} 0 R`).join(" ");
  const page = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources ${textPageResources} /Contents 3 0 R >>`;
  return buildRawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    stream(textContent("tiny page", 100)),
    HELVETICA,
    ...Array.from({ length: pages }, () => page),
  ]);
}

/** A page tree whose second kid is the tree itself: walking it naively never ends. */
export function makePageTreeCyclePdf(): Uint8Array {
  return buildRawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 3 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${textPageResources} /Contents 5 0 R >>`,
    HELVETICA,
    stream(textContent("page in a looping tree")),
  ]);
}

/** A page whose /Contents and whose stream's /Length are references to themselves. */
export function makeSelfReferencePdf(): Uint8Array {
  return buildRawPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${textPageResources} /Contents 5 0 R /Annots 6 0 R >>`,
    HELVETICA,
    "5 0 R",
    "6 0 R",
  ]);
}

/** Three readable pages whose xref table points 7 bytes off for every object: viewers repair this silently. */
export function makeBrokenXrefPdf(pages = 3): Uint8Array {
  const objects: RawObject[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pages} >>`,
    HELVETICA,
  ];
  for (let page = 1; page <= pages; page += 1) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * (page - 1)} 0 R >>`);
    objects.push(stream(textContent(`broken xref page ${page}`)));
  }
  return buildRawPdf(objects, { xref: "shifted" });
}

/** The first `fraction` of a real multi-page PDF, as an upload cut short. */
export function makeTruncatedPdf(fraction = 0.6): Uint8Array {
  const whole = makePdf("long", 5, { linesPerPage: 40 });
  return whole.slice(0, Math.floor(whole.length * fraction));
}

/** Two pages that need `password` to open (AES-256). */
export function makeLockedPdf(password = "secret"): Uint8Array {
  return makePdf("locked", 2, { encrypt: `aes-256,user-password=${password},owner-password=${password}-owner` });
}

function stream(content: string): RawObject {
  const bytes = new Uint8Array(Buffer.from(content, "latin1"));
  return { dict: `<< /Length ${bytes.length} >>`, stream: bytes };
}
