import "server-only";
import { ToolInputError } from "../tool-error";
import type { mupdf } from "./mupdf-runtime";
import { decodedContent, PageCostError } from "./render-content-scan";
import { MAX_EMBEDDED_IMAGE_PIXELS, MAX_PAGE_CONTENT_BYTES, MAX_PAGE_TEXT_BYTES } from "./render-limits";
import { pdfReadFailure } from "./pdf-read-failure";

// Checks what drawing or reading one page would cost, from the file's objects
// alone, before mupdf runs it. mupdf reads content streams as it goes, but what a
// device keeps (glyphs for text extraction, display lists) and every decoded image
// lives on a WASM heap that never shrinks. Caught here: a content stream that
// inflates from 1 MB to gigabytes; millions of glyphs in a few MB of strings; a
// form drawn 10 times by a form drawn 10 times… (each form is decoded once, its
// cost multiplied by how often it is drawn); images by their declared size. What
// cannot be seen here (inline images, large streams behind filters other than
// Flate) is caught by the guard device while drawing.

const MAX_FORM_DEPTH = 32;

/** Decoded content bytes, and bytes inside strings (an upper bound on the glyphs a text device will keep). */
type Cost = { bytes: number; text: number };
type Walk = { forms: Map<number, Cost>; depth: number };
const NOTHING: Cost = { bytes: 0, text: 0 };
const add = (total: Cost, cost: Cost, times = 1) => {
  total.bytes += cost.bytes * times;
  total.text += cost.text * times;
  if (total.bytes > MAX_PAGE_CONTENT_BYTES || total.text > MAX_PAGE_TEXT_BYTES) throw new PageCostError("content");
};

/** Throws a ToolInputError naming the file and page when drawing the page would cost too much. */
export function checkPageCost(doc: mupdf.PDFDocument, pageIndex: number, fileName: string): void {
  try {
    const page = doc.findPage(pageIndex);
    const walk: Walk = { forms: new Map(), depth: 0 };
    const resources = page.getInheritable("Resources");
    const total = costOfContent(walk, streamsOf(page.get("Contents")), resources);
    const annots = page.get("Annots");
    if (annots.isArray()) annots.forEach((annot) => add(total, costOfAppearance(walk, annot.get("AP", "N"))));
  } catch (error) {
    const page = `Page ${(pageIndex + 1).toLocaleString("en-US")} of ${fileName}`;
    if (!(error instanceof PageCostError)) throw pdfReadFailure(fileName, error, `${page} is damaged and could not be read.`);
    throw new ToolInputError(
      error.message === "image"
        ? `${page} holds an image larger than ${MAX_EMBEDDED_IMAGE_PIXELS / 1_000_000} megapixels, which this tool cannot open safely.`
        : `${page} has more drawing instructions than this tool can handle. The file may be damaged or built to overload readers.`,
      { fileName },
    );
  }
}

function streamsOf(contents: mupdf.PDFObject): mupdf.PDFObject[] {
  if (contents.isStream()) return [contents];
  const streams: mupdf.PDFObject[] = [];
  if (contents.isArray()) contents.forEach((item) => void (item.isStream() && streams.push(item)));
  return streams;
}

function costOfAppearance(walk: Walk, appearance: mupdf.PDFObject): Cost {
  if (appearance.isStream()) return costOfForm(walk, appearance);
  let most = NOTHING; // a checkbox has one appearance per state; one of them is drawn
  if (appearance.isDictionary()) {
    appearance.forEach((state) => {
      const cost = state.isStream() ? costOfForm(walk, state) : NOTHING;
      if (cost.bytes > most.bytes) most = cost;
    });
  }
  return most;
}

function costOfContent(walk: Walk, streams: mupdf.PDFObject[], resources: mupdf.PDFObject): Cost {
  const total = { bytes: 0, text: 0 };
  const uses = new Map<string, number>();
  for (const stream of streams) {
    const decoded = decodedContent(stream);
    add(total, decoded);
    for (const [name, count] of decoded.xobjects) uses.set(name, (uses.get(name) ?? 0) + count);
  }
  for (const [name, count] of uses) {
    const xobject = resources.get("XObject", name);
    if (!xobject.isStream()) continue;
    const subtype = xobject.get("Subtype");
    if (subtype.isName() && subtype.asName() === "Image") checkImage(xobject);
    else add(total, costOfForm(walk, xobject), count);
  }
  return total;
}

function costOfForm(walk: Walk, form: mupdf.PDFObject): Cost {
  const key = form.isIndirect() ? form.asIndirect() : -1;
  const known = walk.forms.get(key);
  if (known !== undefined) return known;
  // mupdf refuses to draw a form inside itself; a cycle costs nothing more here.
  if (walk.depth >= MAX_FORM_DEPTH) return NOTHING;
  walk.forms.set(key, NOTHING);
  walk.depth += 1;
  const cost = costOfContent(walk, [form], form.get("Resources"));
  walk.depth -= 1;
  if (key >= 0) walk.forms.set(key, cost);
  return cost;
}

function checkImage(image: mupdf.PDFObject): void {
  for (const candidate of [image, image.get("SMask")]) {
    if (!candidate.isStream()) continue;
    const pixels = candidate.get("Width").asNumber() * candidate.get("Height").asNumber();
    if (!(pixels <= MAX_EMBEDDED_IMAGE_PIXELS)) throw new PageCostError("image");
  }
}
