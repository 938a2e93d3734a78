import { readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderImageThumbnail } from "@/server/tools/internal/render-thumbnail";
import { imagesToPdfTool } from "../pdf/from-images";
import { mupdf } from "../pdf/mupdf-runtime";
import { inputFile } from "~/test/support/input-file";
import { compressImageTool } from "./compress";
import { convertImageTool } from "./convert";
import { cropImageTool } from "./crop";
import { colourAt, runError, runImageTool, runOne } from "~/test/support/run-image-tool";
import { resizeImageTool } from "./resize";
import { rotateImageTool } from "./rotate";
import { stripMetadataTool } from "./strip-metadata";

// An iPhone-like portrait: stored sideways with `irot` and EXIF orientation 6,
// upright it is 96×64 with a red top-left and a blue bottom-right quarter.
const iphone = () => inputFile("IMG_0042.HEIC", "image/heic", new Uint8Array(readFileSync("test/fixtures/images/iphone-like-rotated.heic")));
const heif = () => inputFile("camera.heif", "image/heif", new Uint8Array(readFileSync("test/fixtures/images/gradient.heif")));
const RED = [255, 0, 0];
const BLUE = [0, 0, 255];
const WHITE = [255, 255, 255];

function near(actual: number[], expected: number[]) {
  expect(actual.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= 24), `${actual.join(",")} ≈ ${expected.join(",")}`).toBe(true);
}

describe("HEIC photos in the image tools", () => {
  it("converts an iPhone HEIC to an upright JPEG of the right size", async () => {
    const out = await runOne(convertImageTool, iphone(), { format: "jpeg", quality: 90 });
    expect(out.name).toBe("IMG_0042.jpg");
    expect(out.mimeType).toBe("image/jpeg");
    expect([out.metadata.format, out.metadata.width, out.metadata.height]).toEqual(["jpeg", 96, 64]);
    // Upright and not turned twice: red stays top-left, blue bottom-right, and no EXIF turns it again.
    expect(out.metadata.orientation ?? 1).toBe(1);
    near(await colourAt(out.data, 4, 4), RED);
    near(await colourAt(out.data, 91, 59), BLUE);
    near(await colourAt(out.data, 91, 4), WHITE);
  });

  it("converts HEIC and .heif to PNG, WebP and AVIF", async () => {
    for (const format of ["png", "webp", "avif"] as const) {
      const out = await runOne(convertImageTool, iphone(), { format });
      expect([out.metadata.format, out.metadata.width, out.metadata.height]).toEqual([format === "avif" ? "heif" : format, 96, 64]);
    }
    const gradient = await runOne(convertImageTool, heif(), { format: "png" });
    expect([gradient.name, gradient.metadata.width, gradient.metadata.height]).toEqual(["camera.png", 80, 60]);
    // Red grows left to right, green top to bottom.
    const [r0, g0] = await colourAt(gradient.data, 2, 2);
    const [r1, g1] = await colourAt(gradient.data, 77, 57);
    expect(r1 - r0).toBeGreaterThan(150);
    expect(g1 - g0).toBeGreaterThan(150);
  });

  it("strips GPS and EXIF from a HEIC, which comes back as a JPEG and says so", async () => {
    // The input has EXIF with a GPS position and the phone's name.
    const original = await sharp(await iphone().read(), { limitInputPixels: false }).metadata();
    expect(original.exif?.byteLength).toBeGreaterThan(100);
    expect(original.exif?.includes(Buffer.from("iPhone"))).toBe(true);
    const out = await runOne(stripMetadataTool, iphone());
    expect(out.name).toBe("IMG_0042-clean.jpg");
    expect(out.mimeType).toBe("image/jpeg");
    expect(out.metadata.exif).toBeUndefined();
    expect(out.metadata.xmp).toBeUndefined();
    expect(Buffer.from(out.data).includes(Buffer.from("Exif\0\0"))).toBe(false);
    expect(Buffer.from(out.data).includes(Buffer.from("iPhone"))).toBe(false);
    expect([out.metadata.width, out.metadata.height]).toEqual([96, 64]);
    expect(out.lastStep).toMatch(/saved as JPEG \(HEIC photos can be read here but not written\)/i);
  });

  it("resizes, rotates, crops and compresses a HEIC, each into an upright JPEG", async () => {
    const resized = await runOne(resizeImageTool, iphone(), { width: 48 });
    expect([resized.name, resized.metadata.format, resized.metadata.width, resized.metadata.height]).toEqual(["IMG_0042-resized.jpg", "jpeg", 48, 32]);
    expect(resized.lastStep).toMatch(/^Resized to 48×32 pixels; saved as JPEG/);

    const turned = await runOne(rotateImageTool, iphone(), { angle: 90 });
    expect([turned.metadata.format, turned.metadata.width, turned.metadata.height]).toEqual(["jpeg", 64, 96]);
    near(await colourAt(turned.data, 59, 4), RED); // the red top-left quarter went to the top-right

    const cropped = await runOne(cropImageTool, iphone(), { left: 0, top: 0, width: 40, height: 30 });
    expect([cropped.metadata.width, cropped.metadata.height]).toEqual([40, 30]);
    near(await colourAt(cropped.data, 20, 15), RED);

    const compressed = await runOne(compressImageTool, iphone(), { targetKb: 10 });
    expect([compressed.name, compressed.mimeType, compressed.metadata.width]).toEqual(["IMG_0042-compressed.jpg", "image/jpeg", 96]);
  });

  it("previews a HEIC in the file list, upright", async () => {
    const thumbnail = await renderImageThumbnail("IMG_0042.HEIC", await iphone().read());
    const meta = await sharp(thumbnail).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 96, 64]);
    near(await colourAt(thumbnail, 4, 4), RED);
  });

  it("refuses a HEIC that declares more pixels than the budget before decoding it", async () => {
    const bytes = new Uint8Array(readFileSync("test/fixtures/images/iphone-like-rotated.heic"));
    const at = Buffer.from(bytes).indexOf("ispe");
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    view.setUint32(at + 8, 30_000);
    view.setUint32(at + 12, 20_000);
    const error = await runError(convertImageTool, [inputFile("huge.heic", "image/heic", bytes)], { format: "jpeg" });
    expect(error.message).toMatch(/huge\.heic is 20,000×30,000 pixels; the limit is 100 megapixels/);
  });
});

describe("AVIF and TIFF in the image tools", () => {
  const quadrants = () =>
    sharp({ create: { width: 60, height: 40, channels: 3, background: "#fff" } }).composite([
      { input: { create: { width: 30, height: 20, channels: 3, background: "#f00" } }, left: 0, top: 0 },
    ]);

  it("converts, resizes and compresses AVIF and TIFF inputs", async () => {
    const avif = inputFile("photo.avif", "image/avif", new Uint8Array(await quadrants().avif({ quality: 80 }).toBuffer()));
    const tiff = inputFile("scan.tif", "image/tiff", new Uint8Array(await quadrants().tiff().toBuffer()));
    const jpeg = await runOne(convertImageTool, avif, { format: "jpeg" });
    expect([jpeg.name, jpeg.metadata.width, jpeg.metadata.height]).toEqual(["photo.jpg", 60, 40]);
    const webp = await runOne(convertImageTool, tiff, { format: "webp" });
    expect([webp.name, webp.metadata.format]).toEqual(["scan.webp", "webp"]);
    near(await colourAt(webp.data, 5, 5), RED);
    const resized = await runOne(resizeImageTool, tiff, { width: 30 });
    expect([resized.name, resized.metadata.format, resized.metadata.width]).toEqual(["scan-resized.tif", "tiff", 30]);
    const compressed = await runOne(compressImageTool, tiff, { targetKb: 10 });
    expect([compressed.name, compressed.metadata.format]).toEqual(["scan-compressed.jpg", "jpeg"]);
  });
});

describe("pdf.from-images with multi-page TIFF and HEIC", () => {
  it("makes one PDF page per TIFF page, then a page for a HEIC photo", async () => {
    const width = 40;
    const height = 30;
    const pages = 3;
    // Three pages of different greys, as a scanner writes a document.
    const pixels = Buffer.alloc(width * height * pages * 3);
    for (let page = 0; page < pages; page += 1) pixels.fill(60 * (page + 1), page * width * height * 3, (page + 1) * width * height * 3);
    const tiff = await sharp(pixels, { raw: { width, height: height * pages, channels: 3, pageHeight: height } }).tiff({ compression: "lzw" }).toBuffer();
    expect((await sharp(tiff).metadata()).pages).toBe(3);

    const { outputs, steps } = await runImageTool(imagesToPdfTool, [inputFile("fax.tiff", "image/tiff", new Uint8Array(tiff)), iphone()]);
    expect(outputs).toHaveLength(1);
    const doc = new mupdf.PDFDocument(outputs[0]?.data ?? new Uint8Array());
    try {
      expect(doc.countPages()).toBe(4);
      const greys = [0, 1, 2].map((index) => {
        const pixmap = doc.loadPage(index).toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, false);
        const grey = pixmap.getPixels()[0];
        pixmap.destroy();
        return grey;
      });
      expect(greys).toEqual([60, 120, 180]);
      const photo = doc.loadPage(3).getBounds();
      // The HEIC page is the upright photo's shape: wider than high.
      expect(photo[2] - photo[0]).toBeGreaterThan(photo[3] - photo[1]);
    } finally {
      doc.destroy();
    }
    expect(steps).toContain("Saving 4 pages");
  });
});
