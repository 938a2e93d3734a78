import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffBytesWanted, sniffFileType, sniffUpload } from "./sniff-file-type";

const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: "#f00" } }).png().toBuffer();

describe("sniffFileType", () => {
  it("decides by content, not by name", async () => {
    expect(await sniffFileType(new Uint8Array(await png()))).toBe("image/png");
    expect(await sniffFileType(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe("application/pdf");
    expect(await sniffFileType(new TextEncoder().encode("Plain notes, UTF-8: café\n"))).toBe("text/plain");
  });

  it("refuses executables, archives and binary noise", async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await sniffFileType(elf)).toBeNull();
    expect(await sniffFileType(zip)).toBeNull();
    expect(await sniffFileType(new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80]))).toBeNull();
    expect(await sniffFileType(new Uint8Array())).toBeNull();
  });

  it("names what it knows but FileForge does not take", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await sniffUpload(zip)).toEqual({ mimeType: null, refusal: "a ZIP archive" });
    expect(await sniffUpload(new Uint8Array([0x00, 0x13, 0x37, 0x00, 0x80, 0x01]))).toEqual({ mimeType: null, refusal: null });
  });

  it("reads a TIFF as far as its first directory, up to 1 MiB, and names it a TIFF past that", async () => {
    const tiff = new Uint8Array(await sharp({ create: { width: 100, height: 100, channels: 3, background: "#0a0" } }).tiff({ compression: "none" }).toBuffer());
    const offset = new DataView(tiff.buffer, tiff.byteOffset).getUint32(4, true);
    expect(offset).toBeGreaterThan(4100);
    expect(sniffBytesWanted(tiff.subarray(0, 4100))).toBe(offset + 2 + 512 * 12);
    expect(await sniffFileType(tiff)).toBe("image/tiff");
    // A header claiming a directory 100 MB on: not read, named by its header as file-type's stream reader does.
    const far = tiff.slice(0, 4100);
    new DataView(far.buffer).setUint32(4, 100_000_000, true);
    expect(sniffBytesWanted(far)).toBe(4100);
    expect(await sniffFileType(far)).toBe("image/tiff");
  });
});
