import "server-only";
import { mupdf, perMupdfInstance } from "./mupdf-runtime";

/** A page as a person sees it: `width` × `height` points, origin at the bottom-left, after /Rotate and the crop. */
export type StampFrame = { width: number; height: number };

// Resource names unlikely to meet one already on a page.
const FONT = "FFStampHelv";
const STATE = "FFStampGS";

const helvetica = perMupdfInstance(() => new mupdf.Font("Helvetica"));

/** Width of WinAnsi text in Helvetica at `size` points, for centring and right-aligning. */
export function textWidth(text: string, size: number): number {
  const font = helvetica();
  return [...text].reduce((sum, char) => sum + font.advanceGlyph(font.encodeCharacter(char.codePointAt(0) ?? 0x3f), 0), 0) * size;
}

/**
 * Draws on top of pages by adding a content stream; the page's own content is
 * never decoded or rewritten, so a page with a huge content stream costs nothing.
 * Draw functions get a frame in the page's visible orientation and write PDF
 * operators that may use the font `/FFStampHelv` and the state `/FFStampGS`.
 */
export class PageStamper {
  private readonly font: mupdf.PDFObject;
  private readonly state: mupdf.PDFObject;
  private readonly save: mupdf.PDFObject;

  constructor(private readonly doc: mupdf.PDFDocument, opacity = 1) {
    this.font = doc.addObject({ Type: "Font", Subtype: "Type1", BaseFont: "Helvetica", Encoding: "WinAnsiEncoding" });
    this.state = doc.addObject({ Type: "ExtGState", ca: opacity, CA: opacity });
    // Wrapping the old content in q … Q keeps whatever it leaves behind (a scale, a
    // clip, a colour) from moving or hiding what is drawn after it.
    this.save = doc.addStream("q\n", {});
  }

  stamp(pageIndex: number, draw: (frame: StampFrame) => string): void {
    const page = this.doc.loadPage(pageIndex);
    let frame: StampFrame;
    let toPage: mupdf.Matrix;
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      frame = { width: x1 - x0, height: y1 - y0 };
      // Frame → mupdf's view space (y down, from the crop's top-left) → the page's own space.
      toPage = mupdf.Matrix.concat([1, 0, 0, -1, x0, y1], mupdf.Matrix.invert(page.getTransform()));
    } finally {
      page.destroy();
    }
    const pageObject = this.doc.findPage(pageIndex);
    this.addResources(pageObject);
    const operators = `Q\nq\n${toPage.map(formatNumber).join(" ")} cm\n/${STATE} gs\n${draw(frame)}\nQ\n`;
    const contents = this.doc.newArray();
    contents.push(this.save);
    const existing = pageObject.get("Contents");
    if (existing.isArray()) existing.forEach((part) => contents.push(part));
    else if (!existing.isNull()) contents.push(existing);
    contents.push(this.doc.addStream(operators, {}));
    pageObject.put("Contents", contents);
  }

  private addResources(pageObject: mupdf.PDFObject) {
    let resources = pageObject.getInheritable("Resources");
    if (!resources.isDictionary()) {
      resources = this.doc.newDictionary();
      pageObject.put("Resources", resources);
    }
    for (const [kind, name, value] of [["Font", FONT, this.font], ["ExtGState", STATE, this.state]] as const) {
      const group = resources.get(kind);
      if (group.isDictionary()) {
        group.put(name, value);
      } else {
        const fresh = this.doc.newDictionary();
        fresh.put(name, value);
        resources.put(kind, fresh);
      }
    }
  }
}

/** PDF numbers: no exponent notation, no needless digits. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

export { FONT as STAMP_FONT };
