import { readFileSync } from "node:fs";
import { buffer } from "node:stream/consumers";
import { zipSync } from "fflate";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { uploadFiles } from "@/server/services/files/upload-files";
import { multipartBody } from "~/test/support/multipart";
import { setupTempStorage } from "~/test/support/temp-storage";

// Uploads through the real multipart parser, sniffer and local storage, with
// files large enough to span many chunks: a refused one used to leave the
// request without an answer (busboy waited for a file nobody read to its end).
const { storage } = setupTempStorage();
const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });
const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/images/${name}`));
const MB = 1024 * 1024;

/** A HEIF with a top-level `free` box after it: still a valid file, and as big as a phone photo. */
function padded(heif: Uint8Array, bytes = 2 * MB): Uint8Array {
  const free = new Uint8Array(bytes);
  new DataView(free.buffer).setUint32(0, bytes);
  free.set(new TextEncoder().encode("free"), 4);
  const file = new Uint8Array(heif.byteLength + bytes);
  file.set(heif);
  file.set(free, heif.byteLength);
  return file;
}

function withBrand(heif: Uint8Array, brand: string): Uint8Array {
  const copy = heif.slice();
  copy.set(new TextEncoder().encode(brand), 8);
  return copy;
}

/** Where a TIFF's first directory starts (little-endian, as libvips writes). */
const tiffDirectoryOffset = (tiff: Uint8Array) => new DataView(tiff.buffer, tiff.byteOffset).getUint32(4, true);

async function storedKeys() {
  const keys: string[] = [];
  for await (const object of storage.list()) keys.push(object.key);
  return keys;
}

async function uploadOne(name: string, bytes: Uint8Array) {
  const actor = guest();
  const [file] = await uploadFiles(db, storage, actor, multipartBody([{ name, bytes }]));
  if (!file) throw new Error("no file stored");
  const stored = await getOwnedFile(db, actor, file.id);
  return { mimeType: file.mimeType, bytes: new Uint8Array(await buffer(await storage.read(stored.storageKey))) };
}

describe("uploads of photos and scans", () => {
  it("takes an iPhone-sized HEIC and a .heif, byte for byte", async () => {
    const heic = padded(fixture("iphone-like-rotated.heic"));
    const stored = await uploadOne("IMG_0042.HEIC", heic);
    expect(stored.mimeType).toBe("image/heic");
    expect(Buffer.from(stored.bytes).equals(Buffer.from(heic))).toBe(true);
    expect((await uploadOne("camera.heif", padded(fixture("gradient.heif")))).mimeType).toBe("image/heif");
    expect((await uploadOne("burst.heics", withBrand(fixture("iphone-like-rotated.heic"), "hevc"))).mimeType).toBe("image/heic-sequence");
    expect((await uploadOne("burst.heif", withBrand(fixture("gradient.heif"), "msf1"))).mimeType).toBe("image/heif-sequence");
  });

  it("takes AVIF, and TIFFs whose first directory lies past the first 4,100 bytes", async () => {
    const noise = { width: 400, height: 300, channels: 3 as const, background: "#888", noise: { type: "gaussian" as const, mean: 128, sigma: 40 } };
    const avif = new Uint8Array(await sharp({ create: noise }).avif({ quality: 50 }).toBuffer());
    expect((await uploadOne("photo.avif", avif)).mimeType).toBe("image/avif");

    // libvips writes the pixels first and the directory after them, as scanners often do.
    const tiff = new Uint8Array(await sharp({ create: noise }).tiff({ compression: "none" }).toBuffer());
    expect(tiffDirectoryOffset(tiff)).toBeGreaterThan(4100);
    expect(tiffDirectoryOffset(tiff)).toBeLessThan(MB);
    expect((await uploadOne("scan.tif", tiff)).mimeType).toBe("image/tiff");

    const large = { ...noise, width: 1000, height: 800 };
    const bigTiff = new Uint8Array(await sharp({ create: large }).tiff({ compression: "none" }).toBuffer());
    expect(tiffDirectoryOffset(bigTiff)).toBeGreaterThan(MB);
    const stored = await uploadOne("big-scan.tiff", bigTiff);
    expect(stored.mimeType).toBe("image/tiff");
    expect(stored.bytes.byteLength).toBe(bigTiff.byteLength);
  });
});

/** Files the sniffer knows but no tool takes, each about 1 MB, with the kind the refusal must name. */
function knownButRefused(): { name: string; bytes: Uint8Array; kind: RegExp }[] {
  const filler = (head: number[], size = MB) => {
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set(head);
    return bytes;
  };
  const ascii = (text: string) => [...new TextEncoder().encode(text)];
  const mp4 = filler([0, 0, 0, 0x18, ...ascii("ftypisom"), 0, 0, 2, 0, ...ascii("isomiso2"), 0, 0, 0, 8, ...ascii("free")]);
  return [
    { name: "holiday.zip", bytes: zipSync({ "photos/a.bin": new Uint8Array(MB).fill(7) }, { level: 0 }), kind: /a ZIP archive/ },
    { name: "clip.mp4", bytes: mp4, kind: /an MP4 video/ },
    { name: "setup.exe", bytes: filler([0x4d, 0x5a, 0x90, 0]), kind: /a Windows program \(EXE\)/ },
    { name: "song.mp3", bytes: filler([...ascii("ID3"), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]), kind: /an MP3 audio file/ },
    { name: "paint.bmp", bytes: filler([...ascii("BM"), 0x36, 0, 0x10, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0, 0, 0]), kind: /a BMP image/ },
    { name: "tool", bytes: filler([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), kind: /a Linux program \(ELF\)/ },
  ];
}

describe("uploads of files no tool takes", () => {
  for (const file of knownButRefused()) {
    it(`answers 415 naming what ${file.name} is, and keeps nothing`, async () => {
      const before = (await storedKeys()).length;
      // A supported file after the refused one: busboy must get past the refused one's bytes to answer.
      const error = await uploadFiles(db, storage, guest(), multipartBody([
        { name: file.name, bytes: file.bytes },
        { name: "notes.txt", bytes: "kept only if the whole upload is" },
      ])).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).httpStatus).toBe(415);
      expect((error as AppError).message).toContain(`“${file.name}”`);
      expect((error as AppError).message).toMatch(file.kind);
      expect((await storedKeys()).length).toBe(before);
    });
  }
});
