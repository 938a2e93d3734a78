import "server-only";
import { ToolInputError } from "../tool-error";
import { mupdf, withMupdfMessages } from "./mupdf-runtime";
import { createGuardDevice, type GuardTrip } from "./render-guard-device";
import { checkPageCost } from "./render-page-check";
import { MAX_EMBEDDED_IMAGE_PIXELS, MAX_RENDER_PIXELS } from "./render-limits";
import { pdfReadFailure } from "./pdf-read-failure";

// The one way the PDF and text tools draw or read a page: the page's cost is
// checked from its objects first, then mupdf runs it through the guard device.

type PageRef = { doc: mupdf.PDFDocument; index: number; fileName: string };

const pageLabel = ({ index, fileName }: PageRef) => `Page ${(index + 1).toLocaleString("en-US")} of ${fileName}`;

/** Pixel size of a page at a resolution, as mupdf will round it. */
export function pagePixelSize(page: mupdf.Page, dpi: number): { width: number; height: number } {
  const [x0, y0, x1, y1] = page.getBounds();
  const scale = dpi / 72;
  return { width: Math.ceil((x1 - x0) * scale - 0.001), height: Math.ceil((y1 - y0) * scale - 0.001) };
}

/** Draws a page on white at `dpi`; refuses pages over the pixel budget before allocating them. */
export function renderPage(ref: PageRef, dpi: number, colors: "rgb" | "gray"): mupdf.Pixmap {
  const page = ref.doc.loadPage(ref.index);
  try {
    const { width, height } = pagePixelSize(page, dpi);
    if (width * height > MAX_RENDER_PIXELS) {
      throw new ToolInputError(
        `${pageLabel(ref)} would be ${width.toLocaleString("en-US")}×${height.toLocaleString("en-US")} pixels at ${dpi} dpi; the limit is ${MAX_RENDER_PIXELS / 1_000_000} megapixels per page. Choose a lower resolution.`,
        { fileName: ref.fileName },
      );
    }
    checkPageCost(ref.doc, ref.index, ref.fileName);
    const matrix = mupdf.Matrix.scale(dpi / 72, dpi / 72);
    const [x0, y0] = mupdf.Rect.transform(page.getBounds(), matrix);
    const left = Math.floor(x0 + 0.001);
    const top = Math.floor(y0 + 0.001);
    const bbox: mupdf.Rect = [left, top, left + width, top + height];
    const space = colors === "gray" ? mupdf.ColorSpace.DeviceGray : mupdf.ColorSpace.DeviceRGB;
    const pixmap = new mupdf.Pixmap(space, bbox, false);
    pixmap.clear(255);
    try {
      // The scale is applied once, by run; the draw device adds none of its own.
      runGuarded(ref, (device) => page.run(device, matrix), new mupdf.DrawDevice(mupdf.Matrix.identity, pixmap));
      return pixmap;
    } catch (error) {
      pixmap.destroy();
      throw error;
    }
  } finally {
    page.destroy();
  }
}

/**
 * The page's text with positions and fonts. No guard device here: mupdf's text
 * device never decodes images (preserve-images only notes where they are), and
 * what it keeps per glyph is bounded by checkPageCost's text budget. Skipping the
 * display list the guard would need made 200 pages about 30% quicker.
 */
export function pageStructuredText(ref: PageRef, options: string): mupdf.StructuredText {
  checkPageCost(ref.doc, ref.index, ref.fileName);
  try {
    return withMupdfMessages(() => {
      const page = ref.doc.loadPage(ref.index);
      try {
        return page.toStructuredText(options);
      } finally {
        page.destroy();
      }
    }).value;
  } catch (error) {
    throw pdfReadFailure(ref.fileName, error, `${pageLabel(ref)} is damaged and could not be read.`);
  }
}

function runGuarded(ref: PageRef, run: (device: mupdf.Device) => void, target: mupdf.Device): void {
  const guard = createGuardDevice(target);
  try {
    withMupdfMessages(() => run(guard.device));
    const trip = guard.tripped();
    if (trip) throw tripError(ref, trip);
    target.close();
  } catch (error) {
    if (error instanceof ToolInputError) throw error;
    throw pdfReadFailure(ref.fileName, error, `${pageLabel(ref)} is damaged and could not be read.`);
  } finally {
    // A tripped device is dropped unclosed: its half-built state is thrown away with it.
    guard.device.destroy();
    target.destroy();
  }
}

function tripError(ref: PageRef, trip: GuardTrip): ToolInputError {
  const message =
    trip === "image"
      ? `${pageLabel(ref)} holds an image larger than ${MAX_EMBEDDED_IMAGE_PIXELS / 1_000_000} megapixels, which this tool cannot open safely.`
      : `${pageLabel(ref)} has more drawing instructions than this tool can handle. The file may be damaged or built to overload readers.`;
  return new ToolInputError(message, { fileName: ref.fileName });
}
