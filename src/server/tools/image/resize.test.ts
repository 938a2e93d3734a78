import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { colourAt, jpeg, makeGeotaggedJpeg, makeQuadrants, png, runError, runImageTool, runOne, unzipOutput } from "~/test/support/run-image-tool";
import { plannedSize } from "./resize-plan";
import { resizeImageTool } from "./resize";

describe("image.resize", () => {
  it("has defaults: fit inside 1200 px wide, keep the format, never enlarge", () => {
    expect(resizeImageTool.options.parse({})).toEqual({ mode: "fit", width: 1200, position: "center", withoutEnlargement: true, format: "keep", quality: 85 });
  });

  it("fit keeps the shape inside the box and never enlarges by default", async () => {
    const source = png("wide.png", await makeImage(800, 600));
    const fitted = await runOne(resizeImageTool, source, { width: 200 });
    expect(fitted).toMatchObject({ name: "wide-resized.png", mimeType: "image/png", metadata: { format: "png", width: 200, height: 150 } });
    expect((await runOne(resizeImageTool, source, { width: 400, height: 100 })).metadata).toMatchObject({ width: 133, height: 100 });
    expect((await runOne(resizeImageTool, source, { width: 4000 })).metadata).toMatchObject({ width: 800, height: 600 });
    expect((await runOne(resizeImageTool, source, { width: 1600, withoutEnlargement: false })).metadata).toMatchObject({ width: 1600, height: 1200 });
  });

  it("fill covers the exact size and keeps the chosen part", async () => {
    // 400×200: left half red/blue, right half green/yellow. A 100×100 fill keeps a square.
    const source = png("quads.png", await makeQuadrants(400, 200));
    const left = await runOne(resizeImageTool, source, { mode: "fill", width: 100, height: 100, position: "left" });
    expect(left.metadata).toMatchObject({ width: 100, height: 100 });
    expect(await colourAt(left.data, 10, 10)).toEqual([255, 0, 0]);
    expect(await colourAt(left.data, 90, 10)).toEqual([255, 0, 0]);
    const right = await runOne(resizeImageTool, source, { mode: "fill", width: 100, height: 100, position: "right" });
    expect(await colourAt(right.data, 10, 90)).toEqual([255, 255, 0]);
  });

  it("exact stretches to the size asked, and an empty height follows the shape", async () => {
    const source = png("quads.png", await makeQuadrants(400, 200));
    const stretched = await runOne(resizeImageTool, source, { mode: "exact", width: 100, height: 150 });
    expect(stretched.metadata).toMatchObject({ width: 100, height: 150 });
    // Nothing cut off: all four colours are still in their corners.
    expect(await colourAt(stretched.data, 95, 145)).toEqual([255, 255, 0]);
    expect(await colourAt(stretched.data, 95, 5)).toEqual([0, 255, 0]);
    // Enlarging is off by default: each side stops at the original's.
    expect((await runOne(resizeImageTool, source, { mode: "exact", width: 300, height: 300 })).metadata).toMatchObject({ width: 300, height: 200 });
    expect((await runOne(resizeImageTool, source, { mode: "exact", width: 100 })).metadata).toMatchObject({ width: 100, height: 50 });
  });

  it("writes another format when asked, and turns camera photos upright without their GPS data", async () => {
    const photo = jpeg("IMG_0001.JPG", await makeGeotaggedJpeg(400, 200, 6));
    const kept = await runOne(resizeImageTool, photo, { width: 100 });
    expect(kept).toMatchObject({ name: "IMG_0001-resized.jpg", mimeType: "image/jpeg", metadata: { format: "jpeg", width: 100, height: 200 } });
    expect([kept.metadata.exif, kept.metadata.xmp, kept.metadata.orientation]).toEqual([undefined, undefined, undefined]);
    expect(kept.metadata.icc?.byteLength).toBeGreaterThan(0); // the P3 profile, so colours stay right
    const webp = await runOne(resizeImageTool, photo, { width: 100, format: "webp" });
    expect(webp).toMatchObject({ name: "IMG_0001-resized.webp", mimeType: "image/webp", metadata: { format: "webp", width: 100 } });
  });

  it("resizes every frame of an animated GIF", async () => {
    const frame = (colour: string) => sharp({ create: { width: 60, height: 40, channels: 4, background: colour } }).png().toBuffer();
    const gif = await sharp([await frame("#f00"), await frame("#00f")], { join: { animated: true } }).gif({ delay: [200, 200] }).toBuffer();
    const resized = await runOne(resizeImageTool, { name: "wave.gif", mimeType: "image/gif", size: gif.length, read: async () => new Uint8Array(gif) }, { width: 30 });
    expect(resized.metadata).toMatchObject({ format: "gif", width: 30, pages: 2, delay: [200, 200] });
  });

  it("resizes a batch into one zip with unique names and per-image progress", async () => {
    const inputs = [png("a.png", await makeImage(300, 200)), jpeg("a.png", await makeImage(300, 200, "jpeg")), png("b.png", await makeImage(200, 300))];
    const { outputs, steps } = await runImageTool(resizeImageTool, inputs, { width: 100, height: 100 });
    expect(outputs.map((output) => [output.name, output.mimeType])).toEqual([["resized-images.zip", "application/zip"]]);
    const entries = unzipOutput(outputs[0]);
    expect(Object.keys(entries)).toEqual(["a-resized.png", "a-resized (2).png", "b-resized.png"]);
    const sizes = await Promise.all(Object.values(entries).map(async (data) => sharp(data).metadata()));
    expect(sizes.map(({ format, width, height }) => [format, width, height])).toEqual([["png", 100, 67], ["jpeg", 100, 67], ["png", 67, 100]]);
    expect(steps).toContain("Resizing image 3 of 3");
    expect(steps.at(-1)).toBe("Resized 3 images");
  });

  it("refuses a pixel bomb from its header, with little memory used", async () => {
    const rssBefore = process.memoryUsage().rss;
    const error = await runError(resizeImageTool, [png("huge.png", makePixelBombPng(30_000, 20_000))]);
    expect(error.message).toBe("huge.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100_000_000);
  });

  it("refuses a multi-page TIFF rather than quietly keeping only its first page", async () => {
    const page = (colour: string) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer();
    const tiff = new Uint8Array(await sharp([await page("#fff"), await page("#eee"), await page("#ddd")], { join: { animated: true } }).tiff().toBuffer());
    expect((await sharp(tiff).metadata()).pages).toBe(3);
    const error = await runError(resizeImageTool, [{ name: "scan.tiff", mimeType: "image/tiff", size: tiff.length, read: async () => tiff }]);
    expect(error.message).toBe("scan.tiff is a TIFF with 3 pages; this tool works on single pictures. Split it into separate images first.");
  });

  it("refuses an enlargement past the pixel budget before decoding", async () => {
    const error = await runError(resizeImageTool, [png("small.png", await makeImage(100, 100))], { mode: "exact", width: 20_000, height: 20_000, withoutEnlargement: false });
    expect(error.message).toBe("Resizing small.png would make it 20,000×20,000 pixels; the limit is 100 megapixels. Choose a smaller size.");
  });

  it("refuses damaged images and settings outside the bounds", async () => {
    const whole = await makeImage(300, 200, "jpeg");
    const cut = await runError(resizeImageTool, [jpeg("cut.jpg", whole.slice(0, whole.length / 2))]);
    expect(cut.message).toBe("cut.jpg is damaged and could not be read to the end.");
    const junk = await runError(resizeImageTool, [jpeg("junk.jpg", new TextEncoder().encode("not really a jpeg"))]);
    expect(junk.message).toBe("junk.jpg is damaged or is not an image this tool can read.");
    for (const bad of [{ width: 0 }, { width: 1e9 }, { height: 20_001 }, { width: 1.5 }, { quality: 0 }, { mode: "zoom" }]) {
      expect(resizeImageTool.options.safeParse(bad).success).toBe(false);
    }
  });

  it("plans the size sharp will produce", () => {
    const request = { mode: "fill" as const, width: 800, height: 100, withoutEnlargement: true };
    expect(plannedSize(400, 300, request)).toEqual({ width: 400, height: 100 });
    expect(plannedSize(400, 300, { ...request, withoutEnlargement: false })).toEqual({ width: 800, height: 100 });
    expect(plannedSize(400, 300, { mode: "fit", width: 200, height: 100, withoutEnlargement: true })).toEqual({ width: 133, height: 100 });
  });
});
