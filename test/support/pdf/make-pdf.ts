import "server-only";

// Builds small real PDFs for tests and benchmarks, so no binary fixture has to be kept.
import { mupdf, takeBytes } from "../../../src/server/tools/pdf/mupdf-runtime";

/** A PDF whose page n reads "<label> page n", plus `linesPerPage - 1` lines of filler text. */
export function makePdf(label: string, pages: number, opts: { linesPerPage?: number; encrypt?: string } = {}): Uint8Array {
  const doc = new mupdf.PDFDocument();
  try {
    const font = doc.addSimpleFont(new mupdf.Font("Helvetica"));
    for (let page = 1; page <= pages; page += 1) {
      let text = `BT /F1 12 Tf 50 780 Td 14 TL (${label} page ${page}) Tj `;
      for (let line = 1; line < (opts.linesPerPage ?? 1); line += 1) text += `(line ${line} of some ordinary filler text on a page) ' `;
      const pageObject = doc.addPage([0, 0, 595, 842], 0, doc.addObject({ Font: { F1: font } }), `${text}ET`);
      doc.insertPage(-1, pageObject);
    }
    // e.g. encrypt: "aes-256,user-password=secret" gives a file that needs a password to open.
    const options = opts.encrypt ? `compress,encrypt=${opts.encrypt}` : "compress";
    return takeBytes(doc.saveToBuffer(options));
  } finally {
    doc.destroy();
  }
}

/** A one-page PDF with a filled-in text field, as a form a person typed into. */
export function makeFormPdf(label: string, value: string): Uint8Array {
  const doc = new mupdf.PDFDocument(makePdf(label, 1));
  try {
    const pageObject = doc.findPage(0);
    const appearance = doc.newString("/Helv 12 Tf 0 g");
    const font = doc.addObject({ Type: "Font", Subtype: "Type1", BaseFont: "Helvetica" });
    const field = doc.addObject({ Type: "Annot", Subtype: "Widget", FT: "Tx", T: doc.newString("name"), F: 4, Rect: [72, 600, 300, 630], DA: appearance, P: pageObject });
    pageObject.put("Annots", [field]);
    doc.getTrailer().get("Root").put("AcroForm", { Fields: [field], DA: appearance, DR: { Font: { Helv: font } } });
    const page = doc.loadPage(0);
    for (const widget of page.getWidgets()) widget.setTextValue(value);
    page.update();
    return takeBytes(doc.saveToBuffer(""));
  } finally {
    doc.destroy();
  }
}

/** The text of each page, in order: what a reader of the PDF would see. */
export function pageTexts(bytes: Uint8Array): string[] {
  const doc = mupdf.Document.openDocument(bytes, "application/pdf");
  try {
    const texts: string[] = [];
    for (let index = 0; index < doc.countPages(); index += 1) {
      const page = doc.loadPage(index);
      const text = page.toStructuredText("preserve-whitespace");
      texts.push(text.asText().trim());
      text.destroy();
      page.destroy();
    }
    return texts;
  } finally {
    doc.destroy();
  }
}
