import "server-only";
import { mupdf, withMupdfMessages } from "./mupdf-runtime";
import { checkPageCost } from "./render-page-check";

/** "width×height" of an image in pixels → the highest resolution at which any page draws it. */
export type ImageResolutions = Map<string, number>;

export const imageKey = (width: number, height: number) => `${width}x${height}`;

/**
 * Runs every page through a device that only notes where images land, to learn
 * each image's effective resolution (pixels per inch as drawn), as Ghostscript's
 * downsampling does. The device sees decoded-size facts, not object numbers, so
 * images are matched by pixel size; two images of one size share the higher
 * resolution, which only ever means less downsampling.
 */
export function surveyImageResolutions(doc: mupdf.PDFDocument, fileName: string, onPage: (index: number, count: number) => void): ImageResolutions {
  const resolutions: ImageResolutions = new Map();
  const note = (image: mupdf.Image, ctm: mupdf.Matrix) => {
    try {
      const inchesWide = Math.hypot(ctm[0], ctm[1]) / 72;
      const inchesHigh = Math.hypot(ctm[2], ctm[3]) / 72;
      if (inchesWide <= 0 || inchesHigh <= 0) return;
      const dpi = Math.max(image.getWidth() / inchesWide, image.getHeight() / inchesHigh);
      const key = imageKey(image.getWidth(), image.getHeight());
      resolutions.set(key, Math.max(resolutions.get(key) ?? 0, dpi));
    } finally {
      image.destroy();
    }
  };
  const device = new mupdf.Device({
    fillImage: (image, ctm) => note(image, ctm),
    fillImageMask: (image, ctm, colorspace) => {
      colorspace.destroy();
      note(image, ctm);
    },
    clipImageMask: (image, ctm) => note(image, ctm),
  });
  try {
    const count = doc.countPages();
    for (let index = 0; index < count; index += 1) {
      onPage(index, count);
      // The same limits as drawing: a page that would overload a reader is refused here too.
      checkPageCost(doc, index, fileName);
      try {
        withMupdfMessages(() => {
          const page = doc.loadPage(index);
          try {
            page.run(device, mupdf.Matrix.identity);
          } finally {
            page.destroy();
          }
        });
      } catch {
        // A page mupdf cannot draw keeps its images as they are; the rest is still compressed.
      }
    }
    device.close();
  } finally {
    device.destroy();
  }
  return resolutions;
}
