import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inputFile } from "~/test/support/input-file";
import { makeImage, makePixelBombPng } from "~/test/support/make-image";
import { jpeg, makeGeotaggedJpeg, png, runError, runImageTool, runOne, unzipOutput } from "~/test/support/run-image-tool";
import { concat } from "./strip-jpeg";
import { stripMetadataTool } from "./strip-metadata";

const latin1 = (data: Uint8Array) => Buffer.from(data).toString("latin1");
const pixels = async (data: Uint8Array) => new Uint8Array(await sharp(data).raw().toBuffer());

/** A PNG with a text chunk (as editors write "Author" or "Software") spliced in after its header. */
async function pngWithText(keyword: string, text: string): Promise<Uint8Array> {
  const base = await makeImage(40, 30, "png");
  const body = Buffer.concat([Buffer.from("tEXt", "latin1"), Buffer.from(`${keyword}\0${text}`, "latin1")]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 4 + body.length);
  const afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
  return concat([base.subarray(0, afterHeader), chunk, base.subarray(afterHeader)]);
}

/** A two-frame GIF carrying a comment block, spliced in before the first frame. */
async function gifWithComment(comment: string): Promise<Uint8Array> {
  const frame = (colour: string) => sharp({ create: { width: 20, height: 10, channels: 4, background: colour } }).png().toBuffer();
  const gif = new Uint8Array(await sharp([await frame("#f00"), await frame("#00f")], { join: { animated: true } }).gif({ loop: 0 }).toBuffer());
  const packed = gif[10] ?? 0;
  const screenEnd = 13 + ((packed & 0x80) !== 0 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  const block = new Uint8Array([0x21, 0xfe, comment.length, ...Buffer.from(comment, "latin1"), 0]);
  return concat([gif.subarray(0, screenEnd), block, gif.subarray(screenEnd)]);
}

describe("image.strip-metadata", () => {
  it("has defaults: keep the colour profile", () => {
    expect(stripMetadataTool.options.parse({})).toEqual({ keepColorProfile: true });
  });

  it("removes GPS, camera and XMP data from a JPEG without touching a pixel", async () => {
    const photo = await makeGeotaggedJpeg(300, 200);
    const before = await sharp(photo).metadata();
    expect(latin1(before.exif ?? new Uint8Array())).toContain("WGS-84");
    expect(before.xmp).toBeDefined();
    const cleaned = await runOne(stripMetadataTool, jpeg("holiday.jpg", photo));
    expect(cleaned).toMatchObject({ name: "holiday-clean.jpg", mimeType: "image/jpeg", metadata: { format: "jpeg", width: 300, height: 200 } });
    expect([cleaned.metadata.exif, cleaned.metadata.xmp, cleaned.metadata.iptc]).toEqual([undefined, undefined, undefined]);
    for (const secret of ["WGS-84", "Alice", "PhoneCo", "Phone 9"]) expect(latin1(cleaned.data)).not.toContain(secret);
    expect(cleaned.metadata.icc).toEqual(before.icc);
    expect(await pixels(cleaned.data)).toEqual(await pixels(photo));
    expect(cleaned.data.byteLength).toBeLessThan(photo.byteLength);
    expect(cleaned.lastStep).toMatch(/^Removed [\d.]+ (bytes|KB) of metadata; the picture is untouched$/);
  });

  it("drops the colour profile too when asked", async () => {
    const cleaned = await runOne(stripMetadataTool, jpeg("holiday.jpg", await makeGeotaggedJpeg(60, 40)), { keepColorProfile: false });
    expect([cleaned.metadata.icc, cleaned.metadata.exif]).toEqual([undefined, undefined]);
  });

  it("turns a sideways-stored photo upright before its orientation tag goes", async () => {
    const cleaned = await runOne(stripMetadataTool, jpeg("portrait.jpg", await makeGeotaggedJpeg(400, 200, 6)));
    expect(cleaned.metadata).toMatchObject({ format: "jpeg", width: 200, height: 400 });
    expect([cleaned.metadata.exif, cleaned.metadata.orientation]).toEqual([undefined, undefined]);
    expect(latin1(cleaned.data)).not.toContain("WGS-84");
    expect(cleaned.lastStep).toBe("Turned upright and re-saved at high quality");
  });

  it("drops what phones hide after the picture: extra images with their own GPS data", async () => {
    const photo = await makeGeotaggedJpeg(120, 80);
    const depthMap = await sharp(await makeGeotaggedJpeg(60, 40)).keepExif().jpeg().toBuffer();
    expect(latin1(depthMap)).toContain("WGS-84");
    const cleaned = await runOne(stripMetadataTool, jpeg("phone.jpg", concat([photo, depthMap])));
    expect(latin1(cleaned.data)).not.toContain("WGS-84");
    expect(await pixels(cleaned.data)).toEqual(await pixels(photo));
  });

  it("cleans PNG, WebP and GIF losslessly, and re-saves TIFF and AVIF", async () => {
    const pngSource = await pngWithText("Author", "Alice Example");
    expect((await sharp(pngSource).metadata()).comments).toEqual([{ keyword: "Author", text: "Alice Example" }]);
    const text = await runOne(stripMetadataTool, png("chart.png", pngSource));
    expect(latin1(text.data)).not.toContain("Alice Example");
    expect(text.metadata.comments).toBeUndefined();
    expect(await pixels(text.data)).toEqual(await pixels(pngSource));

    const webpSource = new Uint8Array(await sharp(await makeImage(40, 30)).webp().withExif({ IFD0: { Artist: "Alice Example" } }).toBuffer());
    expect((await sharp(webpSource).metadata()).exif).toBeDefined();
    const webp = await runOne(stripMetadataTool, inputFile("a.webp", "image/webp", webpSource));
    expect([webp.metadata.format, webp.metadata.exif, latin1(webp.data).includes("Alice")]).toEqual(["webp", undefined, false]);
    expect(await pixels(webp.data)).toEqual(await pixels(webpSource));

    expect(latin1(await gifWithComment("Made by Alice"))).toContain("Alice");
    const gif = await runOne(stripMetadataTool, inputFile("wave.gif", "image/gif", await gifWithComment("Made by Alice")));
    expect(latin1(gif.data)).not.toContain("Alice");
    expect(gif.metadata).toMatchObject({ format: "gif", pages: 2, loop: 0 });

    // sharp writes no EXIF into TIFF; XMP carries the author there.
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Alice Example"/></rdf:RDF></x:xmpmeta>';
    const tiffSource = new Uint8Array(await sharp(await makeImage(40, 30)).tiff().withXmp(xmp).toBuffer());
    expect(latin1(tiffSource)).toContain("Alice");
    const tiff = await runOne(stripMetadataTool, inputFile("scan.tiff", "image/tiff", tiffSource));
    expect([tiff.metadata.format, tiff.metadata.xmp, latin1(tiff.data).includes("Alice")]).toEqual(["tiff", undefined, false]);
    expect(tiff.lastStep).toBe("Removed the metadata (TIFF needs re-saving for that) and re-saved at high quality");

    const avifSource = new Uint8Array(await sharp(await makeImage(40, 30)).avif().withExif({ IFD0: { Artist: "Alice Example" } }).toBuffer());
    expect(latin1(avifSource)).toContain("Alice");
    const avif = await runOne(stripMetadataTool, inputFile("a.avif", "image/avif", avifSource));
    expect([avif.metadata.format, avif.metadata.exif, latin1(avif.data).includes("Alice")]).toEqual(["heif", undefined, false]);
  });

  it("cleans a batch into one zip", async () => {
    const inputs = [jpeg("a.jpg", await makeGeotaggedJpeg(30, 20)), jpeg("a.jpg", await makeGeotaggedJpeg(30, 20)), png("b.png", await pngWithText("Author", "Alice"))];
    const { outputs, steps } = await runImageTool(stripMetadataTool, inputs);
    expect(outputs[0]?.name).toBe("images-without-metadata.zip");
    const entries = unzipOutput(outputs[0]);
    expect(Object.keys(entries)).toEqual(["a-clean.jpg", "a-clean (2).jpg", "b-clean.png"]);
    for (const data of Object.values(entries)) expect(latin1(data)).not.toMatch(/WGS-84|Alice/);
    expect(steps).toContain("Cleaning image 3 of 3");
    expect(steps.at(-1)).toBe("Cleaned 3 images");
  });

  it("refuses pixel bombs, cut-short and junk files, and wrong settings", async () => {
    const rssBefore = process.memoryUsage().rss;
    const bomb = await runError(stripMetadataTool, [png("huge.png", makePixelBombPng(30_000, 20_000))]);
    expect(bomb.message).toBe("huge.png is 30,000×20,000 pixels; the limit is 100 megapixels.");
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100_000_000);
    const photo = await makeGeotaggedJpeg(300, 200);
    const cut = await runError(stripMetadataTool, [jpeg("cut.jpg", photo.slice(0, photo.length - 500))]);
    expect(cut.message).toBe("cut.jpg is damaged (it may be cut short) and could not be cleaned.");
    const pngWhole = await makeImage(60, 40, "png");
    const cutPng = await runError(stripMetadataTool, [png("cut.png", pngWhole.slice(0, pngWhole.length - 20))]);
    expect(cutPng.message).toBe("cut.png is damaged (it may be cut short) and could not be cleaned.");
    const junk = await runError(stripMetadataTool, [jpeg("junk.jpg", new TextEncoder().encode("not really a jpeg"))]);
    expect(junk.message).toBe("junk.jpg is damaged or is not an image this tool can read.");
    expect(stripMetadataTool.options.safeParse({ keepColorProfile: "yes" }).success).toBe(false);
  });
});
