import "server-only";
import { mupdf } from "./mupdf-runtime";
import { MAX_EMBEDDED_IMAGE_PIXELS, MAX_PAGE_OPERATIONS } from "./render-limits";

// A device that sits between mupdf's interpreter and the real device (a pixmap
// painter, a display list) and passes each call on until the page has cost too
// much: more calls than any real page makes, or an image whose size would need
// hundreds of MB once decoded (mupdf decodes an image only when the real device
// draws it, so refusing here means it is never decoded). It catches what
// checkPageCost cannot see: inline images and streams behind unusual filters.
//
// It cannot stop the interpreter (a JS exception thrown through WASM frames would
// skip mupdf's own clean-up), so once tripped it drops every further call and the
// caller discards the half-drawn result. checkPageCost bounds how long that takes.

export type GuardTrip = "operations" | "image";
type Owned = { destroy(): void };

export function createGuardDevice(target: mupdf.Device): { device: mupdf.Device; tripped: () => GuardTrip | null } {
  let tripped: GuardTrip | null = null;
  let operations = 0;

  // The dispatcher wraps each argument in a new JS object holding a reference into
  // the WASM heap; released here at once rather than whenever the GC runs.
  const pass = <T>(work: () => T, fallback: T, ...owned: Owned[]): T => {
    try {
      operations += 1;
      if (operations > MAX_PAGE_OPERATIONS) tripped ??= "operations";
      return tripped ? fallback : work();
    } finally {
      for (const object of owned) object.destroy();
    }
  };
  const image = (img: mupdf.Image, work: () => void, ...owned: Owned[]) => {
    if (tooLarge(img)) tripped ??= "image";
    pass(work, undefined, img, ...owned);
  };

  const device = new mupdf.Device({
    fillPath: (path, evenOdd, ctm, cs, color, alpha) => pass(() => target.fillPath(path, evenOdd, ctm, cs, color as mupdf.Color, alpha), undefined, path, cs),
    strokePath: (path, stroke, ctm, cs, color, alpha) => pass(() => target.strokePath(path, stroke, ctm, cs, color as mupdf.Color, alpha), undefined, path, stroke, cs),
    clipPath: (path, evenOdd, ctm) => pass(() => target.clipPath(path, evenOdd, ctm), undefined, path),
    clipStrokePath: (path, stroke, ctm) => pass(() => target.clipStrokePath(path, stroke, ctm), undefined, path, stroke),
    fillText: (text, ctm, cs, color, alpha) => pass(() => target.fillText(text, ctm, cs, color as mupdf.Color, alpha), undefined, text, cs),
    strokeText: (text, stroke, ctm, cs, color, alpha) => pass(() => target.strokeText(text, stroke, ctm, cs, color as mupdf.Color, alpha), undefined, text, stroke, cs),
    clipText: (text, ctm) => pass(() => target.clipText(text, ctm), undefined, text),
    clipStrokeText: (text, stroke, ctm) => pass(() => target.clipStrokeText(text, stroke, ctm), undefined, text, stroke),
    ignoreText: (text, ctm) => pass(() => target.ignoreText(text, ctm), undefined, text),
    fillShade: (shade, ctm, alpha) => pass(() => target.fillShade(shade, ctm, alpha), undefined, shade),
    fillImage: (img, ctm, alpha) => image(img, () => target.fillImage(img, ctm, alpha)),
    fillImageMask: (img, ctm, cs, color, alpha) => image(img, () => target.fillImageMask(img, ctm, cs, color as mupdf.Color, alpha), cs),
    clipImageMask: (img, ctm) => image(img, () => target.clipImageMask(img, ctm)),
    popClip: () => pass(() => target.popClip(), undefined),
    beginMask: (area, luminosity, cs, color) => pass(() => target.beginMask(area, luminosity, cs, color as mupdf.Color), undefined, cs),
    endMask: () => pass(() => target.endMask(), undefined),
    beginGroup: (area, cs, isolated, knockout, blend, alpha) => pass(() => target.beginGroup(area, cs, isolated, knockout, blend, alpha), undefined, cs),
    endGroup: () => pass(() => target.endGroup(), undefined),
    beginTile: (area, view, xstep, ystep, ctm, id, docId) => pass(() => target.beginTile(area, view, xstep, ystep, ctm, id, docId), 0),
    endTile: () => pass(() => target.endTile(), undefined),
    beginLayer: (name) => pass(() => target.beginLayer(name), undefined),
    endLayer: () => pass(() => target.endLayer(), undefined),
  });
  return { device, tripped: () => tripped };
}

function tooLarge(image: mupdf.Image): boolean {
  const mask = image.getMask();
  try {
    const pixels = image.getWidth() * image.getHeight();
    return pixels > MAX_EMBEDDED_IMAGE_PIXELS || (mask !== null && mask.getWidth() * mask.getHeight() > MAX_EMBEDDED_IMAGE_PIXELS);
  } finally {
    mask?.destroy();
  }
}
