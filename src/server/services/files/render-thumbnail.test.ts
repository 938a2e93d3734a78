import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { makeExifJpeg, makeImage, makePixelBombPng } from "~/test/support/make-image";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { setupTempStorage } from "~/test/support/temp-storage";
import { renderThumbnail } from "./render-thumbnail";

const { storage } = setupTempStorage();

function newGuest(): Actor {
  return { kind: "guest", guestId: createGuestId(), role: "GUEST" };
}

/** A stored file owned by `actor`, as an upload would leave it. */
async function storeFile(actor: Actor, name: string, mimeType: string, bytes: Uint8Array) {
  const storageKey = createStorageKey();
  await storage.write(storageKey, bytes, { maxBytes: bytes.length });
  const guestId = actor.kind === "guest" ? actor.guestId : null;
  return db.file.create({ data: { guestId, storageKey, name, mimeType, size: bytes.length, sha256: "x" }, select: { id: true } });
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("renderThumbnail", () => {
  it("scales a PNG down to a 256 px WebP", async () => {
    const actor = newGuest();
    const file = await storeFile(actor, "photo.png", "image/png", await makeImage(800, 600, "png"));
    const thumbnail = await renderThumbnail(db, storage, actor, file.id);
    expect(thumbnail.contentType).toBe("image/webp");
    expect(await sharp(thumbnail.data).metadata()).toMatchObject({ format: "webp", width: 256, height: 192 });
  });

  it("turns a camera JPEG upright and drops its EXIF", async () => {
    const actor = newGuest();
    const file = await storeFile(actor, "camera.jpg", "image/jpeg", await makeExifJpeg(400, 200));
    const metadata = await sharp((await renderThumbnail(db, storage, actor, file.id)).data).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 128, height: 256 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
  });

  it("draws a PDF's first page at thumbnail size", async () => {
    const actor = newGuest();
    const file = await storeFile(actor, "report.pdf", "application/pdf", makePdf("Report", 3));
    const data = (await renderThumbnail(db, storage, actor, file.id)).data;
    const { format, width, height } = await sharp(data).metadata();
    // A4 is 595 × 842 points: 256 px tall and about 181 px wide.
    expect({ format, height }).toEqual({ format: "webp", height: 256 });
    expect(width).toBeGreaterThanOrEqual(180);
    expect(width).toBeLessThanOrEqual(182);
    // Mostly white paper with some dark text on it.
    const stats = await sharp(data).stats();
    expect(stats.channels[0]?.max).toBe(255);
    expect(stats.channels[0]?.min).toBeLessThan(128);
  });

  it("refuses a pixel bomb without decoding it", async () => {
    const actor = newGuest();
    const file = await storeFile(actor, "bomb.png", "image/png", makePixelBombPng(60_000, 60_000));
    const error = await failureOf(renderThumbnail(db, storage, actor, file.id));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toBe("No preview: bomb.png is 60,000×60,000 pixels; the limit is 100 megapixels.");
  });

  it("answers NOT_FOUND for another owner's file and for a type without a preview", async () => {
    const owner = newGuest();
    const file = await storeFile(owner, "photo.png", "image/png", await makeImage(64, 64, "png"));
    const stranger = await failureOf(renderThumbnail(db, storage, newGuest(), file.id));
    expect(stranger.code).toBe("NOT_FOUND");
    const user: Actor = { kind: "user", userId: "someone-else", role: "USER", email: null, name: null };
    expect((await failureOf(renderThumbnail(db, storage, user, file.id))).code).toBe("NOT_FOUND");

    const text = await storeFile(owner, "notes.txt", "text/plain", new TextEncoder().encode("hello"));
    const noPreview = await failureOf(renderThumbnail(db, storage, owner, text.id));
    expect(noPreview).toMatchObject({ code: "NOT_FOUND", message: "This file has no preview." });
  });
});
