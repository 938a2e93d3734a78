import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { multipartBody } from "~/test/support/multipart";
import { setupTempStorage } from "~/test/support/temp-storage";
import { getOwnedFile } from "./get-owned-file";
import { uploadFiles } from "./upload-files";

const { storage } = setupTempStorage();
const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

async function storedKeys() {
  const keys: string[] = [];
  for await (const object of storage.list()) keys.push(object.key);
  return keys;
}

describe("uploadFiles", () => {
  it("stores several files with sniffed types, hashes and a 24 h expiry for guests", async () => {
    const actor = guest();
    const pdf = makePdf("hello", 1);
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#00f" } }).png().toBuffer();
    const before = Date.now();
    const files = await uploadFiles(db, storage, actor, multipartBody([
      { name: "report.pdf", bytes: pdf },
      // The extension lies; the bytes decide.
      { name: "picture.pdf", bytes: png },
    ]));
    expect(files.map((file) => [file.name, file.mimeType])).toEqual([
      ["report.pdf", "application/pdf"],
      ["picture.pdf", "image/png"],
    ]);
    const expiresAt = files[0]?.expiresAt?.getTime() ?? 0;
    expect(expiresAt - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(expiresAt - before).toBeLessThanOrEqual(24 * 3600_000 + 60_000);

    const first = await getOwnedFile(db, actor, files[0]?.id ?? "");
    const bytes = await buffer(await storage.read(first.storageKey));
    expect(bytes.equals(Buffer.from(pdf))).toBe(true);
    const row = await db.file.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(row.guestId).toBe(actor.kind === "guest" ? actor.guestId : null);
  });

  it("refuses an unsupported type with 415 and keeps nothing from the request", async () => {
    const before = (await storedKeys()).length;
    const error = await uploadFiles(db, storage, guest(), multipartBody([
      { name: "fine.txt", bytes: "plain text is fine" },
      { name: "invoice.pdf", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]) },
    ])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).httpStatus).toBe(415);
    expect((error as AppError).message).toContain("invoice.pdf");
    expect((await storedKeys()).length).toBe(before);
    expect(await db.file.count({ where: { name: "fine.txt", size: 18 } })).toBe(0);
  });

  it("refuses a file over the guest limit with 413 while streaming and deletes the partial bytes", async () => {
    const before = (await storedKeys()).length;
    const big = new Uint8Array(50 * 1024 * 1024 + 10).fill(0x41);
    const error = await uploadFiles(db, storage, guest(), multipartBody([{ name: "huge.txt", bytes: big }])).catch((e: unknown) => e);
    expect((error as AppError).httpStatus).toBe(413);
    expect((error as AppError).message).toMatch(/huge\.txt.*50 MB/);
    expect((await storedKeys()).length).toBe(before);
  });

  it("cleans hostile names and rejects bodies that are not multipart", async () => {
    const [file] = await uploadFiles(db, storage, guest(), multipartBody([{ name: "../../etc/\u202Epasswd.txt", bytes: "x" }]));
    expect(file?.name).toBe("passwd.txt");
    const wrong = await uploadFiles(db, storage, guest(), { contentType: "application/json", body: multipartBody([]).body }).catch((e: unknown) => e);
    expect((wrong as AppError).httpStatus).toBe(415);
    const empty = await uploadFiles(db, storage, guest(), multipartBody([])).catch((e: unknown) => e);
    expect((empty as AppError).httpStatus).toBe(400);
  });

  it("never shows one owner's file to another", async () => {
    const owner = guest();
    const [file] = await uploadFiles(db, storage, owner, multipartBody([{ name: "mine.txt", bytes: "secret" }]));
    const other = await getOwnedFile(db, guest(), file?.id ?? "").catch((e: unknown) => e);
    expect((other as AppError).httpStatus).toBe(404);
    expect((await getOwnedFile(db, owner, file?.id ?? "")).name).toBe("mine.txt");
  });
});
