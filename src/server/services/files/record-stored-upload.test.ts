import { createHash } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { setupTempStorage } from "~/test/support/temp-storage";
import { recordStoredUpload } from "./record-stored-upload";

const { storage } = setupTempStorage();

async function put(bytes: Uint8Array) {
  const storageKey = createStorageKey();
  await storage.write(storageKey, bytes, { maxBytes: bytes.byteLength });
  return storageKey;
}
const owner = () => ({ userId: null, guestId: createGuestId() });

describe("recordStoredUpload (direct-to-storage uploads)", () => {
  it("records a stored object with its sniffed type, size and hash", async () => {
    const png = new Uint8Array(await sharp({ create: { width: 3, height: 3, channels: 3, background: "#123" } }).png().toBuffer());
    const storageKey = await put(png);
    const expiresAt = new Date(Date.now() + 3600_000);
    const file = await recordStoredUpload(db, storage, { storageKey, name: "../photo.pdf", owner: owner(), maxFileBytes: 1024 * 1024, expiresAt });
    expect(file).toMatchObject({ name: "photo.pdf", mimeType: "image/png", size: png.byteLength, expiresAt });
    const row = await db.file.findUniqueOrThrow({ where: { id: file.id } });
    expect(row.sha256).toBe(createHash("sha256").update(png).digest("hex"));
  });

  it("deletes and refuses an object past the owner's limit or of an unsupported type", async () => {
    const big = await put(new Uint8Array(2048).fill(65));
    const tooBig = await recordStoredUpload(db, storage, { storageKey: big, name: "big.txt", owner: owner(), maxFileBytes: 1024, expiresAt: null }).catch((e: unknown) => e);
    expect((tooBig as AppError).httpStatus).toBe(413);
    expect(await storage.stat(big)).toBeNull();

    const elf = await put(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const wrongType = await recordStoredUpload(db, storage, { storageKey: elf, name: "tool.pdf", owner: owner(), maxFileBytes: 1024, expiresAt: null }).catch((e: unknown) => e);
    expect((wrongType as AppError).httpStatus).toBe(415);
    expect(await storage.stat(elf)).toBeNull();
    expect(await db.file.count({ where: { storageKey: { in: [big, elf] } } })).toBe(0);
  });
});
