import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { inputFile } from "~/test/support/input-file";
import { formatBytes } from "@/shared/format-bytes";
import { compressImageTool } from "./compress";
import { jpeg, makeGeotaggedJpeg, png, runError, runImageTool, runOne, unzipOutput } from "~/test/support/run-image-tool";

/** A photo-like JPEG: soft noise over a colour, which compresses like real detail does. */
async function makePhoto(width: number, height: number, format: "jpeg" | "png" = "jpeg"): Promise<Uint8Array> {
  const create = { width, height, channels: 3 as const, background: "#7a9", noise: { type: "gaussian" as const, mean: 128, sigma: 20 } };
  const image = sharp({ create }).blur(1.2);
  return new Uint8Array(await (format === "jpeg" ? image.jpeg({ quality: 95 }) : image.png()).toBuffer());
}

describe("image.compress", () => {
  it("has defaults: under 500 KB, same format", () => {
    expect(compressImageTool.options.parse({})).toEqual({ targetKb: 500, format: "keep" });
  });

  it("gets a JPEG under the target at the best quality that fits, same size and format", async () => {
    const photo = await makePhoto(800, 600);
    const result = await runOne(compressImageTool, jpeg("photo.jpg", photo), { targetKb: 40 });
    expect(result).toMatchObject({ name: "photo-compressed.jpg", mimeType: "image/jpeg", metadata: { format: "jpeg", width: 800, height: 600 } });
    expect(result.data.byteLength).toBeLessThanOrEqual(40_000);
    // The best that fits: not far below the target.
    expect(result.data.byteLength).toBeGreaterThan(30_000);
    expect(result.lastStep).toMatch(/^Compressed from \d+(\.\d)? KB to \d+(\.\d)? KB \(quality \d+\)$/);
    expect(photo.byteLength).toBeGreaterThan(40_000);
  });

  it("converts while compressing, and drops GPS data and turns photos upright", async () => {
    const photo = jpeg("IMG_1.jpg", await makeGeotaggedJpeg(400, 200, 6));
    const webp = await runOne(compressImageTool, photo, { targetKb: 10, format: "webp" });
    expect(webp).toMatchObject({ name: "IMG_1-compressed.webp", mimeType: "image/webp", metadata: { format: "webp", width: 200, height: 400 } });
    expect(webp.data.byteLength).toBeLessThanOrEqual(10_000);
    expect([webp.metadata.exif, webp.metadata.xmp]).toEqual([undefined, undefined]);
    const avif = await runOne(compressImageTool, photo, { targetKb: 10, format: "avif" });
    expect(avif).toMatchObject({ name: "IMG_1-compressed.avif", mimeType: "image/avif", metadata: { format: "heif", compression: "av1" } });
    expect(avif.data.byteLength).toBeLessThanOrEqual(10_000);
  });

  it("shrinks the picture when even the lowest quality is too big", async () => {
    // Sharp noise: even at quality 1 a 1200×900 WebP of it takes about 45 KB.
    const photo = await makeImage(1200, 900, "webp");
    const result = await runOne(compressImageTool, inputFile("big.webp", "image/webp", photo), { targetKb: 10 });
    expect(result.data.byteLength).toBeLessThanOrEqual(10_000);
    expect(result.metadata.width).toBeLessThan(1600);
    // Same shape, within a pixel of rounding.
    expect(Math.abs((result.metadata.width ?? 0) * 3 - (result.metadata.height ?? 0) * 4)).toBeLessThanOrEqual(4);
    expect(result.metadata.width).toBeGreaterThan(100);
    expect(result.lastStep).toMatch(/, shrunk to [\d,]+×[\d,]+ pixels\)$/);
  });

  it("compresses a PNG by reducing its colours, keeping it a PNG", async () => {
    const source = await makePhoto(400, 300, "png");
    const result = await runOne(compressImageTool, png("chart.png", source), { targetKb: 60 });
    expect(result).toMatchObject({ name: "chart-compressed.png", mimeType: "image/png", metadata: { format: "png", width: 400, height: 300 } });
    expect(result.data.byteLength).toBeLessThanOrEqual(60_000);
    expect(source.byteLength).toBeGreaterThan(60_000);
  });

  it("never returns a bigger file: one already under the target comes back untouched", async () => {
    const small = await makeImage(40, 30, "jpeg");
    const kept = await runOne(compressImageTool, jpeg("small.jpg", small), { targetKb: 500 });
    expect(kept.data).toEqual(small);
    expect(kept.lastStep).toBe(`Already smaller than the target: kept as it is (${formatBytes(small.byteLength)})`);
    // Asked for another format, it is converted only if that comes out no bigger than the original.
    const noisy = png("noise.png", await makeImage(64, 64, "png"));
    const asJpeg = await runOne(compressImageTool, noisy, { targetKb: 500, format: "jpeg" });
    expect(asJpeg.data.byteLength).toBeLessThanOrEqual(noisy.size);
  });

  it("compresses a batch into one zip, with each image's outcome in the progress", async () => {
    const photo = await makePhoto(400, 300);
    const inputs = [jpeg("a.jpg", photo), jpeg("a.jpg", photo), jpeg("tiny.jpg", await makeImage(20, 20, "jpeg"))];
    const { outputs, steps } = await runImageTool(compressImageTool, inputs, { targetKb: 15 });
    expect(outputs[0]?.name).toBe("compressed-images.zip");
    const entries = unzipOutput(outputs[0]);
    expect(Object.keys(entries)).toEqual(["a-compressed.jpg", "a-compressed (2).jpg", "tiny.jpg"]);
    for (const data of Object.values(entries)) expect(data.byteLength).toBeLessThanOrEqual(15_000);
    expect(steps).toContain("Compressing image 3 of 3");
    expect(steps.some((step) => step.startsWith("tiny.jpg: Already smaller than the target"))).toBe(true);
    expect(steps.at(-1)).toBe("Compressed 3 images");
  });

  it("refuses pixel bombs, damaged files and settings outside the bounds", async () => {
    const rssBefore = process.memoryUsage().rss;
    const bomb = await runError(compressImageTool, [png("huge.png", makePixelBombPng(30_000, 20_000))], { targetKb: 10 });
    expect(bomb.message).toBe("huge.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100_000_000);
    const whole = await makePhoto(600, 400);
    const cut = await runError(compressImageTool, [jpeg("cut.jpg", whole.slice(0, whole.length / 2))], { targetKb: 10 });
    expect(cut.message).toBe("cut.jpg is damaged and could not be read to the end.");
    const gif = await runError(compressImageTool, [{ name: "a.gif", mimeType: "image/gif", size: 10, read: async () => new Uint8Array(10) }]);
    expect(gif.message).toBe("a.gif is not a kind of file Compress images can use.");
    for (const bad of [{ targetKb: 9 }, { targetKb: 1e9 }, { targetKb: 12.5 }, { format: "png" }, { format: "gif" }]) {
      expect(compressImageTool.options.safeParse(bad).success).toBe(false);
    }
  });
});
