import "server-only";
import { mupdf, takeBytes } from "../pdf/mupdf-runtime";

/**
 * Lays tesseract's text-only page (invisible glyphs where the words are) over a
 * page of `doc`, the way OCRmyPDF's sandwich renderer does: the page keeps its
 * own content byte for byte and gains one form XObject. `toPage` maps the
 * text page's space (points at the OCR resolution, y up) onto the page's own space.
 */
export function addTextLayer(doc: mupdf.PDFDocument, pageIndex: number, textOnlyPdf: Uint8Array, toPage: (width: number, height: number) => mupdf.Matrix): void {
  const textDoc = new mupdf.PDFDocument(textOnlyPdf);
  try {
    const textPage = textDoc.findPage(0);
    const [x0, y0, x1, y1] = mediaBox(textPage);
    const contents = textPage.get("Contents");
    const streams: mupdf.PDFObject[] = contents.isArray() ? [] : [contents];
    if (contents.isArray()) contents.forEach((item) => void streams.push(item));
    const bytes = streams.map((stream) => takeBytes(stream.readStream()));
    const form = doc.addStream(Buffer.concat(bytes), {
      Type: "XObject",
      Subtype: "Form",
      BBox: [x0, y0, x1, y1],
      Resources: doc.graftObject(textPage.get("Resources")),
    });

    const page = doc.findPage(pageIndex);
    const name = `OCRText${pageIndex + 1}`;
    // A fresh resources dictionary: the old one may be inherited or shared with other pages.
    const resources = doc.newDictionary();
    const inherited = page.getInheritable("Resources");
    if (inherited.isDictionary()) inherited.forEach((value, key) => resources.put(key, value));
    const xobjects = doc.newDictionary();
    const oldXObjects = resources.get("XObject");
    if (oldXObjects.isDictionary()) oldXObjects.forEach((value, key) => xobjects.put(key, value));
    xobjects.put(name, form);
    resources.put("XObject", xobjects);
    page.put("Resources", resources);

    // The page's own content is wrapped in q … Q so whatever state it leaves cannot move the text.
    const matrix = toPage(x1 - x0, y1 - y0).map((n) => Math.round(n * 10_000) / 10_000).join(" ");
    const before = doc.addStream("q\n", {});
    const after = doc.addStream(`\nQ q ${matrix} cm /${name} Do Q\n`, {});
    const newContents = doc.newArray();
    newContents.push(before);
    const old = page.get("Contents");
    if (old.isArray()) old.forEach((item) => void newContents.push(item));
    else if (old.isStream()) newContents.push(old);
    newContents.push(after);
    page.put("Contents", newContents);
  } finally {
    textDoc.destroy();
  }
}

function mediaBox(page: mupdf.PDFObject): [number, number, number, number] {
  const box = page.get("MediaBox");
  const at = (index: number) => box.get(index).asNumber();
  return [at(0), at(1), at(2), at(3)];
}
