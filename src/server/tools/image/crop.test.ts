import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { cropImageTool } from "./crop";
import { colourAt, jpeg, makeGeotaggedJpeg, makeQuadrants, png, runError, runImageTool, runOne, unzipOutput } from "~/test/support/run-image-tool";

describe("image.crop", () => {
  it("has defaults that keep the whole picture", () => {
    expect(cropImageTool.options.parse({})).toEqual({ left: 0, top: 0, quality: 90 });
  });

  it("keeps exactly the rectangle asked for", async () => {
    const source = png("quads.png", await makeQuadrants(400, 200));
    const cropped = await runOne(cropImageTool, source, { left: 150, top: 50, width: 100, height: 100 });
    expect(cropped).toMatchObject({ name: "quads-cropped.png", mimeType: "image/png", metadata: { format: "png", width: 100, height: 100 } });
    // The rectangle straddles the centre: one quadrant in each corner.
    expect(await colourAt(cropped.data, 5, 5)).toEqual([255, 0, 0]);
    expect(await colourAt(cropped.data, 95, 5)).toEqual([0, 255, 0]);
    expect(await colourAt(cropped.data, 5, 95)).toEqual([0, 0, 255]);
    expect(await colourAt(cropped.data, 95, 95)).toEqual([255, 255, 0]);
    // Empty width and height run to the edges.
    expect((await runOne(cropImageTool, source, { left: 300, top: 150 })).metadata).toMatchObject({ width: 100, height: 50 });
  });

  it("measures from the upright photo and drops its GPS data", async () => {
    // Stored 400×200 with "rotate 90°": a person sees it 200×400.
    const photo = jpeg("photo.jpg", await makeGeotaggedJpeg(400, 200, 6));
    const cropped = await runOne(cropImageTool, photo, { top: 300, width: 200, height: 100 });
    expect(cropped.metadata).toMatchObject({ format: "jpeg", width: 200, height: 100 });
    expect([cropped.metadata.exif, cropped.metadata.orientation]).toEqual([undefined, undefined]);
  });

  it("says which edge a crop goes past", async () => {
    const source = png("wide.png", await makeImage(1200, 800));
    const right = await runError(cropImageTool, [source], { left: 1000, width: 300 });
    expect(right.message).toBe("The crop area goes past wide.png's right edge (1,200 px wide).");
    const bottom = await runError(cropImageTool, [source], { top: 800 });
    expect(bottom.message).toBe("The crop area goes past wide.png's bottom edge (800 px high).");
  });

  it("crops a batch into one zip", async () => {
    const inputs = [png("a.png", await makeImage(300, 200)), png("b.png", await makeImage(300, 200))];
    const { outputs, steps } = await runImageTool(cropImageTool, inputs, { width: 50, height: 40 });
    const entries = unzipOutput(outputs[0]);
    expect(outputs[0]?.name).toBe("cropped-images.zip");
    expect(Object.keys(entries)).toEqual(["a-cropped.png", "b-cropped.png"]);
    expect(await sharp(entries["b-cropped.png"]).metadata()).toMatchObject({ width: 50, height: 40 });
    expect(steps).toContain("Cropping image 2 of 2");
  });

  it("refuses pixel bombs, damaged files and out-of-range settings", async () => {
    const rssBefore = process.memoryUsage().rss;
    const bomb = await runError(cropImageTool, [png("huge.png", makePixelBombPng(30_000, 20_000))], { width: 10, height: 10 });
    expect(bomb.message).toBe("huge.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100_000_000);
    const whole = await makeImage(300, 200, "jpeg");
    // The area lies in the half that is missing; the intact top half alone would crop fine.
    const cut = await runError(cropImageTool, [jpeg("cut.jpg", whole.slice(0, whole.length / 2))], { top: 160, width: 10, height: 10 });
    expect(cut.message).toBe("cut.jpg is damaged and could not be read to the end.");
    for (const bad of [{ left: -1 }, { top: 1e9 }, { width: 0 }, { height: 20_001 }, { left: 0.5 }]) {
      expect(cropImageTool.options.safeParse(bad).success).toBe(false);
    }
  });
});
