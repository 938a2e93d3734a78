import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inputFile } from "~/test/support/input-file";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { imagesToPdfTool } from "./from-images";
import { mupdf } from "./mupdf-runtime";
import { inputErrorOf, onlyOutput } from "~/test/support/run-tool-once";

const image = (name: string, mimeType: string, data: Uint8Array) => inputFile(name, mimeType, data);

function pageSizes(bytes: Uint8Array): number[][] {
  const doc = new mupdf.PDFDocument(bytes);
  const sizes = Array.from({ length: doc.countPages() }, (_, index) => doc.loadPage(index).getBounds().map((n) => Math.round(n)));
  doc.destroy();
  return sizes;
}

/** RGB of the page pixel at (x, y) fractions of its width and height, drawn at 72 dpi. */
function pixelAt(bytes: Uint8Array, page: number, x: number, y: number): number[] {
  const doc = new mupdf.PDFDocument(bytes);
  const pixmap = doc.loadPage(page).toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, false);
  const offset = (Math.floor(y * pixmap.getHeight()) * pixmap.getWidth() + Math.floor(x * pixmap.getWidth())) * 3;
  const rgb = [...pixmap.getPixels().slice(offset, offset + 3)];
  doc.destroy();
  return rgb;
}

/** A stored 400×200 JPEG, left half red and right half blue, that EXIF says to turn 90° clockwise. */
async function turnedJpeg(): Promise<Uint8Array> {
  const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: "#ff0000" } }).png().toBuffer();
  const stored = sharp({ create: { width: 400, height: 200, channels: 3, background: "#0000ff" } }).composite([{ input: red, left: 0, top: 0 }]);
  return new Uint8Array(await stored.jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer());
}

const near = (actual: number[], expected: number[]) => actual.every((value, i) => Math.abs(value - (expected[i] ?? 0)) < 40);

describe("pdf.from-images", () => {
  it("has defaults: each page the size of its image, 10 mm margins on paper sizes", () => {
    expect(imagesToPdfTool.options.parse({})).toEqual({ pageSize: "fit", margin: 10 });
  });

  it("makes one page per image, in the order given, sized from each image's resolution", async () => {
    const at300 = new Uint8Array(await sharp(await makeImage(600, 300, "jpeg")).withMetadata({ density: 300 }).toBuffer());
    const { output, steps } = await onlyOutput(imagesToPdfTool, [
      image("wide.jpg", "image/jpeg", at300),
      image("b.png", "image/png", await makeImage(96, 192)),
      image("c.webp", "image/webp", await makeImage(192, 96, "webp")),
    ]);
    expect(output).toMatchObject({ name: "images.pdf", mimeType: "application/pdf" });
    // 600×300 px at 300 dpi is 2×1 inches; images without a resolution count as 96 dpi.
    expect(pageSizes(output.data)).toEqual([[0, 0, 144, 72], [0, 0, 72, 144], [0, 0, 144, 72]]);
    expect(steps).toContain("Adding image 3 of 3");
  });

  it("embeds a JPEG byte for byte instead of re-encoding it", async () => {
    const jpeg = await makeImage(640, 480, "jpeg");
    const { output } = await onlyOutput(imagesToPdfTool, [image("photo.jpg", "image/jpeg", jpeg)]);
    expect(output.name).toBe("photo.pdf");
    expect(Buffer.from(output.data).indexOf(Buffer.from(jpeg))).toBeGreaterThan(0);
    // The rest is the page, its resources and the colour profile mupdf records for the image.
    expect(output.data.length).toBeLessThan(jpeg.length + 5_000);
  });

  it("turns a phone photo upright from its EXIF orientation, still without re-encoding it", async () => {
    const jpeg = await turnedJpeg();
    const { output } = await onlyOutput(imagesToPdfTool, [image("phone.jpg", "image/jpeg", jpeg)]);
    expect(pageSizes(output.data)).toEqual([[0, 0, 150, 300]]);
    expect(near(pixelAt(output.data, 0, 0.5, 0.25), [255, 0, 0])).toBe(true); // what was left is now on top
    expect(near(pixelAt(output.data, 0, 0.5, 0.75), [0, 0, 255])).toBe(true);
    expect(Buffer.from(output.data).indexOf(Buffer.from(jpeg))).toBeGreaterThan(0);
  });

  it("puts images on A4 or Letter, turned to suit them, fitted inside the margins", async () => {
    const red = new Uint8Array(await sharp({ create: { width: 400, height: 300, channels: 3, background: "#ff0000" } }).png().toBuffer());
    const { output } = await onlyOutput(imagesToPdfTool, [image("a.png", "image/png", red), image("b.png", "image/png", await makeImage(300, 400))], {
      pageSize: "letter",
      margin: 20,
    });
    expect(pageSizes(output.data)).toEqual([[0, 0, 792, 612], [0, 0, 612, 792]]);
    expect(near(pixelAt(output.data, 0, 0.5, 0.5), [255, 0, 0])).toBe(true);
    expect(pixelAt(output.data, 0, 0.5, 0.02)).toEqual([255, 255, 255]); // 20 mm of white above and below
    const a4 = await onlyOutput(imagesToPdfTool, [image("a.png", "image/png", red)], { pageSize: "a4" });
    expect(pageSizes(a4.output.data)).toEqual([[0, 0, 842, 595]]);
  });

  it("refuses pixel bombs, cut-short and unreadable images, naming them", async () => {
    const bomb = await inputErrorOf(imagesToPdfTool, [image("huge.png", "image/png", makePixelBombPng(30_000, 20_000))]);
    expect(bomb.message).toBe("huge.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    const whole = await makeImage(300, 200, "jpeg");
    const cut = await inputErrorOf(imagesToPdfTool, [image("ok.png", "image/png", await makeImage(10, 10)), image("cut.jpg", "image/jpeg", whole.slice(0, whole.length / 2))]);
    expect(cut).toMatchObject({ message: "cut.jpg is damaged and could not be added.", fileName: "cut.jpg" });
    const junk = await inputErrorOf(imagesToPdfTool, [image("junk.jpg", "image/jpeg", new TextEncoder().encode("not a jpeg"))]);
    expect(junk.message).toBe("junk.jpg is damaged or is not an image this tool can read.");
  });

  it("refuses margins and types outside what it supports", async () => {
    expect(imagesToPdfTool.options.safeParse({ margin: 51 }).success).toBe(false);
    expect(imagesToPdfTool.options.safeParse({ pageSize: "a3" }).success).toBe(false);
    const error = await inputErrorOf(imagesToPdfTool, [image("doc.pdf", "application/pdf", new Uint8Array(10))]);
    expect(error.message).toBe("doc.pdf is not a kind of file Images to PDF can use.");
  });
});
