import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { runTool } from "../run-tool";
import { inputFile, recordProgress } from "~/test/support/input-file";
import { makeExifJpeg, makeImage, makePixelBombPng } from "~/test/support/make-image";
import { ToolInputError } from "../tool-error";
import type { ToolInputFile } from "../types";
import { convertImageTool } from "./convert";

const png = (name: string, data: Uint8Array) => inputFile(name, "image/png", data);
const jpeg = (name: string, data: Uint8Array) => inputFile(name, "image/jpeg", data);

async function convert(inputs: ToolInputFile[], options: Record<string, unknown> = {}) {
  const recorder = recordProgress();
  const outputs = await runTool(convertImageTool, { inputs, options, progress: recorder.progress, signal: new AbortController().signal });
  return { outputs, updates: recorder.updates };
}

async function convertOnly(input: ToolInputFile, options: Record<string, unknown> = {}) {
  const [output] = (await convert([input], options)).outputs;
  if (!output) throw new Error("no output");
  return { ...output, metadata: await sharp(output.data).metadata() };
}

async function convertError(inputs: ToolInputFile[], options: Record<string, unknown> = {}) {
  const error = await convert(inputs, options).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolInputError);
  return error instanceof ToolInputError ? error : new ToolInputError("unreachable");
}

describe("image.convert", () => {
  it("has defaults: WebP at quality 80, metadata stripped, no resizing", () => {
    expect(convertImageTool.options.parse({})).toEqual({ format: "webp", quality: 80, stripMetadata: true });
  });

  it("writes the chosen format, named with its extension", async () => {
    const source = png("holiday.png", await makeImage(320, 240));
    const webp = await convertOnly(source);
    expect(webp).toMatchObject({ name: "holiday.webp", mimeType: "image/webp", metadata: { format: "webp", width: 320, height: 240 } });
    const jpg = await convertOnly(source, { format: "jpeg", quality: 50 });
    expect(jpg).toMatchObject({ name: "holiday.jpg", mimeType: "image/jpeg", metadata: { format: "jpeg" } });
    const avif = await convertOnly(source, { format: "avif" });
    expect(avif).toMatchObject({ name: "holiday.avif", mimeType: "image/avif", metadata: { format: "heif", compression: "av1" } });
    const lossless = await convertOnly(jpeg("photo.jpeg", await makeImage(64, 48, "jpeg")), { format: "png" });
    expect(lossless).toMatchObject({ name: "photo.png", mimeType: "image/png", metadata: { format: "png" } });
  });

  it("shrinks to fit inside maxWidth/maxHeight, keeps the aspect ratio, never enlarges", async () => {
    const source = png("wide.png", await makeImage(800, 600));
    expect((await convertOnly(source, { maxWidth: 200 })).metadata).toMatchObject({ width: 200, height: 150 });
    expect((await convertOnly(source, { maxWidth: 200, maxHeight: 100 })).metadata).toMatchObject({ width: 133, height: 100 });
    expect((await convertOnly(source, { maxWidth: 4000, maxHeight: 4000 })).metadata).toMatchObject({ width: 800, height: 600 });
  });

  it("turns photos upright and strips EXIF by default, keeping it only when asked", async () => {
    const photo = jpeg("camera.jpg", await makeExifJpeg(400, 200));
    const stripped = await convertOnly(photo, { format: "jpeg" });
    expect(stripped.metadata).toMatchObject({ width: 200, height: 400 });
    expect([stripped.metadata.exif, stripped.metadata.orientation]).toEqual([undefined, undefined]);
    const kept = await convertOnly(photo, { format: "jpeg", stripMetadata: false });
    expect(kept.metadata).toMatchObject({ width: 200, height: 400 });
    expect(kept.metadata.exif?.toString("latin1")).toContain("Secret Co");
    expect(kept.metadata.orientation ?? 1).toBe(1);
  });

  it("converts a batch, one output per input with distinct names and progress up to 100", async () => {
    const { outputs, updates } = await convert(
      [png("a.png", await makeImage(30, 20)), jpeg("a.jpg", await makeImage(30, 20, "jpeg")), png("b.png", await makeImage(30, 20))],
      { format: "jpeg" },
    );
    expect(outputs.map((output) => output.name)).toEqual(["a.jpg", "a (2).jpg", "b.jpg"]);
    expect(updates.map((update) => update.step)).toContain("Converting image 3 of 3");
    expect(updates.at(-1)?.percent).toBe(100);
  });

  it("refuses a pixel bomb from its header, without decoding it", async () => {
    const rssBefore = process.memoryUsage().rss;
    const error = await convertError([png("photo.png", makePixelBombPng(30_000, 20_000))]);
    expect(error.message).toBe("photo.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    expect(error.fileName).toBe("photo.png");
    // Decoding would take 1.8 GB; reading the header takes next to nothing.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100_000_000);
  });

  it("refuses a truncated JPEG and bytes that are no image", async () => {
    const whole = await makeImage(300, 200, "jpeg");
    const cut = await convertError([jpeg("cut.jpg", whole.slice(0, whole.length / 2))]);
    expect(cut.message).toBe("cut.jpg is damaged and could not be read to the end.");
    const junk = await convertError([jpeg("junk.jpg", new TextEncoder().encode("not really a jpeg"))]);
    expect(junk.message).toBe("junk.jpg is damaged or is not an image this tool can read.");
  });

  it("refuses settings outside the schema", async () => {
    const error = await convertError([png("a.png", await makeImage(10, 10))], { quality: 0 });
    expect(error.message).toMatch(/^These settings are not valid \(quality\)/);
  });
});
