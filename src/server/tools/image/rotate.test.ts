import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { colourAt, jpeg, makeGeotaggedJpeg, makeQuadrants, png, runError, runImageTool, runOne, unzipOutput } from "~/test/support/run-image-tool";
import { rotatedSize, rotateImageTool } from "./rotate";

// Colours of the four corners, clockwise from top-left: R(ed) G(reen) Y(ellow) B(lue) in the source.
async function corners(data: Uint8Array) {
  const { width = 0, height = 0 } = await sharp(data).metadata();
  // Thresholds, not exact values, so JPEG's small colour shifts do not matter.
  const name = (rgb: number[]) => ({ "100": "R", "010": "G", "001": "B", "110": "Y" })[rgb.map((value) => (value > 128 ? 1 : 0)).join("")] ?? rgb.join(",");
  const points: [number, number][] = [[2, 2], [width - 3, 2], [width - 3, height - 3], [2, height - 3]];
  return (await Promise.all(points.map(([x, y]) => colourAt(data, x, y)))).map(name).join("");
}

describe("image.rotate", () => {
  it("has defaults: a quarter turn clockwise", () => {
    expect(rotateImageTool.options.parse({})).toEqual({ angle: 90, flipHorizontal: false, flipVertical: false, background: "#ffffff", quality: 90 });
  });

  it("turns by quarter turns, either way, and mirrors after turning", async () => {
    const source = png("quads.png", await makeQuadrants(200, 100));
    expect(await corners(await makeQuadrants(200, 100))).toBe("RGYB");
    const quarter = await runOne(rotateImageTool, source, { angle: 90 });
    expect(quarter).toMatchObject({ name: "quads-rotated.png", metadata: { format: "png", width: 100, height: 200 } });
    expect(await corners(quarter.data)).toBe("BRGY");
    expect(await corners((await runOne(rotateImageTool, source, { angle: 180 })).data)).toBe("YBRG");
    expect(await corners((await runOne(rotateImageTool, source, { angle: -90 })).data)).toBe("GYBR");
    expect(await corners((await runOne(rotateImageTool, source, { angle: 270 })).data)).toBe("GYBR");
    expect(await corners((await runOne(rotateImageTool, source, { angle: 0, flipHorizontal: true })).data)).toBe("GRBY");
    expect(await corners((await runOne(rotateImageTool, source, { angle: 0, flipVertical: true })).data)).toBe("BYGR");
    // Turned first (BRGY), then mirrored left-right.
    expect(await corners((await runOne(rotateImageTool, source, { angle: 90, flipHorizontal: true })).data)).toBe("RBYG");
  });

  it("turns camera photos upright first, whatever their EXIF orientation, then turns and mirrors as asked", async () => {
    const quadrants = await makeQuadrants(64, 32);
    const cases = [
      { angle: 90, flipHorizontal: false, flipVertical: false },
      { angle: 270, flipHorizontal: true, flipVertical: false },
      { angle: 180, flipHorizontal: false, flipVertical: true },
      { angle: 90, flipHorizontal: true, flipVertical: true },
    ];
    for (const orientation of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const photo = new Uint8Array(await sharp(quadrants).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer());
      // The reference does one thing per pass, so no ordering inside sharp can blur it.
      const upright = await sharp(photo).autoOrient().png().toBuffer();
      for (const settings of cases) {
        let expected = await sharp(upright).rotate(settings.angle).png().toBuffer();
        if (settings.flipHorizontal) expected = await sharp(expected).flop().png().toBuffer();
        if (settings.flipVertical) expected = await sharp(expected).flip().png().toBuffer();
        const turned = await runOne(rotateImageTool, jpeg("photo.jpg", photo), settings);
        expect({ orientation, ...settings, corners: await corners(turned.data) }).toEqual({ orientation, ...settings, corners: await corners(expected) });
      }
    }
  });

  it("turns by any angle on a background colour, transparent where the format allows", async () => {
    const source = png("quads.png", await makeQuadrants(200, 100));
    const tilted = await runOne(rotateImageTool, source, { angle: 30, background: "#ff00ff" });
    expect(tilted.metadata).toMatchObject({ width: rotatedSize(200, 100, 30).width, height: rotatedSize(200, 100, 30).height });
    expect(await colourAt(tilted.data, 0, 0)).toEqual([255, 0, 255]);
    const clear = await runOne(rotateImageTool, source, { angle: 45, background: "#00000000" });
    expect(clear.metadata.hasAlpha).toBe(true);
    const { data } = await sharp(clear.data).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[3]).toBe(0);
  });

  it("starts from the upright photo and drops its GPS data", async () => {
    const photo = jpeg("photo.jpg", await makeGeotaggedJpeg(400, 200, 6));
    const turned = await runOne(rotateImageTool, photo, { angle: 90 });
    // Upright it is 200×400; a further quarter turn makes it 400×200 with nothing left to re-orient.
    expect(turned.metadata).toMatchObject({ format: "jpeg", width: 400, height: 200 });
    expect([turned.metadata.exif, turned.metadata.orientation]).toEqual([undefined, undefined]);
  });

  it("rotates a batch into one zip", async () => {
    const inputs = [png("a.png", await makeImage(30, 20)), jpeg("b.jpg", await makeImage(30, 20, "jpeg"))];
    const { outputs, steps } = await runImageTool(rotateImageTool, inputs, { angle: 90 });
    expect(outputs[0]?.name).toBe("rotated-images.zip");
    const entries = unzipOutput(outputs[0]);
    expect(await Promise.all(Object.entries(entries).map(async ([name, data]) => [name, (await sharp(data).metadata()).height]))).toEqual([["a-rotated.png", 30], ["b-rotated.jpg", 30]]);
    expect(steps).toContain("Rotating image 2 of 2");
  });

  it("refuses what it cannot do: pixel bombs, damaged files, quarter-turning animations, wild settings", async () => {
    const bomb = await runError(rotateImageTool, [png("huge.png", makePixelBombPng(30_000, 20_000))]);
    expect(bomb.message).toBe("huge.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    const junk = await runError(rotateImageTool, [png("junk.png", new TextEncoder().encode("\x89PNG\r\n\x1a\n garbage"))]);
    expect(junk.message).toBe("junk.png is damaged or is not an image this tool can read.");
    const frame = (colour: string) => sharp({ create: { width: 20, height: 10, channels: 4, background: colour } }).png().toBuffer();
    const gif = new Uint8Array(await sharp([await frame("#f00"), await frame("#00f")], { join: { animated: true } }).gif().toBuffer());
    const animated = await runError(rotateImageTool, [{ name: "wave.gif", mimeType: "image/gif", size: gif.length, read: async () => gif }]);
    expect(animated.message).toBe("wave.gif is animated; animated images can only be turned by 180° or mirrored.");
    for (const bad of [{ angle: 1e9 }, { angle: -361 }, { background: "red" }, { background: "#fff" }, { quality: 101 }]) {
      expect(rotateImageTool.options.safeParse(bad).success).toBe(false);
    }
  });
});
