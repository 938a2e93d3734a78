import "server-only";

// Builds small real images for tests and benchmarks, so no binary fixture has to be kept.
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

/** A noisy RGB image (noise keeps encoders honest: flat colour compresses to nothing). */
export async function makeImage(width: number, height: number, format: "jpeg" | "png" | "webp" = "png"): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } } });
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

/** A JPEG carrying camera-style EXIF that says "rotate 90° clockwise to display". */
export async function makeExifJpeg(width: number, height: number): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: 3, background: "#3a7" } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "Secret Co", Artist: "Alice Example" } })
    .withMetadata({ orientation: 6 });
  return new Uint8Array(await image.toBuffer());
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

/** A 100-byte PNG whose header claims width × height RGB pixels: decoding it would need gigabytes. */
export function makePixelBombPng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const rows = pngChunk("IDAT", deflateSync(Buffer.alloc(1024)));
  return new Uint8Array(Buffer.concat([signature, pngChunk("IHDR", header), rows, pngChunk("IEND", new Uint8Array(0))]));
}
