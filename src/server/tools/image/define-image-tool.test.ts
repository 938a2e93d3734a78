import sharp from "sharp";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { defineImageTool } from "./define-image-tool";
import { chosenFormat } from "./image-formats";
import { colourAt, jpeg, makeQuadrants, png, runError, runImageTool, unzipOutput } from "~/test/support/run-image-tool";
import { openPixels } from "./open-image";
import { saveImage } from "./save-image";

// A whole new tool, as small as the helper lets one be: mirror left and right.
const mirrorTool = defineImageTool({
  id: "image.test-mirror",
  title: "Mirror images",
  description: "Mirror left and right.",
  options: z.object({ format: z.enum(["keep", "png", "webp"]).default("keep") }),
  verb: "Mirroring",
  done: "Mirrored",
  zipName: "mirrored.zip",
  transform: (image, options) => saveImage(image, openPixels(image.bytes, image.header).flop(), chosenFormat(image.header, options.format), { quality: 90 }, null),
});

const unzippedTool = defineImageTool({
  id: "image.test-copy",
  title: "Copy",
  description: "Copy each image as it is.",
  options: z.object({}),
  verb: "Copying",
  done: "Copied",
  transform: async ({ name, bytes }) => ({ name, mimeType: "image/png", data: bytes }),
});

describe("defineImageTool", () => {
  it("gives a tool the image category, every decodable type and the shared budget", () => {
    expect(mirrorTool).toMatchObject({ category: "image", minFiles: 1, maxFiles: 50, limits: { maxInputBytes: 250_000_000, maxPixels: 100_000_000 } });
    expect(mirrorTool.accepts).toEqual(expect.arrayContaining(["image/jpeg", "image/png", "image/heic", "image/tiff"]));
  });

  it("runs the transform on each upright image, keeping names and reporting progress per image", async () => {
    const { outputs, steps } = await runImageTool(mirrorTool, [png("quads.png", await makeQuadrants(40, 20))]);
    expect(outputs.map((output) => [output.name, output.mimeType])).toEqual([["quads.png", "image/png"]]);
    // Red was top-left; mirrored it is top-right.
    expect(await colourAt(outputs[0]?.data ?? new Uint8Array(), 35, 2)).toEqual([255, 0, 0]);
    expect(steps).toEqual(["Mirroring image 1 of 1", "Mirrored 1 image"]);
  });

  it("names a result after its new format and zips a batch under the tool's zip name", async () => {
    const inputs = [png("a.png", await makeImage(30, 20)), jpeg("a.jpg", await makeImage(30, 20, "jpeg"))];
    const { outputs } = await runImageTool(mirrorTool, inputs, { format: "webp" });
    expect(outputs.map((output) => output.name)).toEqual(["mirrored.zip"]);
    const entries = unzipOutput(outputs[0]);
    expect(Object.keys(entries)).toEqual(["a.webp", "a (2).webp"]);
    expect((await sharp(entries["a.webp"]).metadata()).format).toBe("webp");
  });

  it("hands a batch back as separate files when the tool has no zip name", async () => {
    const { outputs } = await runImageTool(unzippedTool, [png("a.png", await makeImage(10, 10)), png("b.png", await makeImage(10, 10))]);
    expect(outputs.map((output) => output.name)).toEqual(["a.png", "b.png"]);
  });

  it("refuses a pixel bomb from its header before the transform sees it", async () => {
    const error = await runError(mirrorTool, [png("bomb.png", makePixelBombPng(30_000, 20_000))]);
    expect(error.message).toBe("bomb.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
  });
});
