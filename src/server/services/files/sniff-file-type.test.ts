import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniffFileType } from "./sniff-file-type";

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
});
