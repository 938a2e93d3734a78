import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { deleteExpired } from "@/server/services/cleanup/delete-expired";
import { sweepPreviewCache } from "@/server/services/cleanup/sweep-preview-cache";
import { renderOwnedPage, TEXT_PREVIEW_PREFIX_BYTES } from "@/server/services/documents/render-owned-page";
import { ingestDocumentNow } from "@/server/services/documents/ingest-document-now";
import { deleteFile } from "@/server/services/files/delete-file";
import { renderThumbnail } from "@/server/services/files/render-thumbnail";
import { checkJobPages } from "@/server/services/jobs/run/check-job-pages";
import { getStorage } from "@/server/storage";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { readCachedPreview, writeCachedPreview } from "@/server/storage/preview-cache";
import { countInternalToolRuns } from "@/server/tools/internal/run-internal-tool";
import { makeImage } from "~/test/support/make-image";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { toolRunnerMode } from "@/server/tools/worker/tool-runner";
import { holdsPreview, previewEtag } from "./cached-preview";
import { readStoredPrefix } from "./read-stored-prefix";

// Through the app's own storage (DATA_DIR of the test run) and its own tool
// workers (TOOL_RUNNER defaults to workers): what a request does.
const storage = getStorage();
const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

async function storeFile(actor: Actor, name: string, mimeType: string, bytes: Uint8Array, expiresAt: Date | null = null) {
  const storageKey = createStorageKey();
  await storage.write(storageKey, bytes, { maxBytes: bytes.byteLength });
  const guestId = actor.kind === "guest" ? actor.guestId : null;
  return db.file.create({ data: { guestId, storageKey, name, mimeType, size: bytes.byteLength, sha256: "x", expiresAt }, select: { id: true, storageKey: true } });
}

const pngSize = async (data: Uint8Array) => {
  const { format, width, height } = await sharp(data).metadata();
  return { format, width, height };
};

describe("previews and page counts run in the tool workers", () => {
  it("draws a thumbnail, a page and counts pages in a worker process, never in this one", async () => {
    const actor = guest();
    const pdf = await storeFile(actor, "report.pdf", "application/pdf", makePdf("Report", 3));
    const before = ["internal.thumbnail", "internal.page-preview", "internal.count-pages"].map(countInternalToolRuns);

    expect((await pngSize((await renderThumbnail(db, storage, actor, pdf.id)).data)).format).toBe("webp");
    expect(await pngSize(await renderOwnedPage(db, storage, actor, pdf.id, 2))).toEqual({ format: "png", width: 910, height: 1287 });
    const inputs = [
      { name: "a.pdf", mimeType: "application/pdf", size: 0, read: async () => makePdf("A", 4) },
      { name: "b.png", mimeType: "image/png", size: 0, read: async () => makeImage(8, 8, "png") },
      { name: "c.pdf", mimeType: "application/pdf", size: 0, read: async () => makePdf("C", 2) },
    ];
    expect(await checkJobPages(db, { userId: null }, inputs)).toBe(6);

    const after = ["internal.thumbnail", "internal.page-preview", "internal.count-pages"].map(countInternalToolRuns);
    expect(toolRunnerMode()).toBe("workers");
    expect(after.map((runs, index) => runs.workers - (before[index]?.workers ?? 0))).toEqual([1, 1, 1]);
    expect(after.map((runs) => runs.inProcess)).toEqual([0, 0, 0]);
  });

  it("reads a document's text for AI features in a worker process", async () => {
    const actor = guest();
    const text = await storeFile(actor, "notes.txt", "text/plain", new TextEncoder().encode("The reservoir holds water for the town. It was built in 1987.\n"));
    await db.document.create({ data: { fileId: text.id } });
    const before = countInternalToolRuns("internal.read-document");
    const extracted = await ingestDocumentNow(db, storage, text.id, { embeddingModel: null, ocr: false });
    expect(extracted).toMatchObject({ pageCount: 1, chunkCount: 1 });
    const chunks = await db.documentChunk.findMany({ where: { fileId: text.id }, select: { text: true, pageStart: true } });
    expect(chunks).toEqual([{ text: "The reservoir holds water for the town. It was built in 1987.", pageStart: 1 }]);
    expect(countInternalToolRuns("internal.read-document")).toEqual({ workers: before.workers + 1, inProcess: 0 });
  });

  it("refuses a job over the pages-per-job quota, counted in a worker", async () => {
    const inputs = [{ name: "big.pdf", mimeType: "application/pdf", size: 0, read: async () => makePdf("Big", 301) }];
    const error = await checkJobPages(db, { userId: null }, inputs).catch((reason: unknown) => reason);
    expect((error as Error).message).toBe("These files have 301 pages; your limit is 300 pages per job. Split them into smaller jobs.");
  });
});

describe("preview cache", () => {
  it("serves a second request from the cache without drawing again", async () => {
    const actor = guest();
    const image = await storeFile(actor, "photo.png", "image/png", await makeImage(800, 600, "png"));
    const first = await renderThumbnail(db, storage, actor, image.id);
    const cached = await readCachedPreview(image.storageKey, "thumbnail.webp");
    expect(cached && Buffer.from(cached).equals(Buffer.from(first.data))).toBe(true);

    const drawn = countInternalToolRuns("internal.thumbnail").workers;
    const second = await renderThumbnail(db, storage, actor, image.id);
    expect(Buffer.from(second.data).equals(Buffer.from(first.data))).toBe(true);
    expect(countInternalToolRuns("internal.thumbnail").workers).toBe(drawn);
    // Another person still gets nothing, cached or not.
    expect(await renderThumbnail(db, storage, guest(), image.id).catch((error: unknown) => (error as AppError).code)).toBe("NOT_FOUND");
  });

  it("remembers a file that cannot be previewed instead of trying again", async () => {
    const actor = guest();
    const broken = await storeFile(actor, "broken.pdf", "application/pdf", new TextEncoder().encode("%PDF-1.7\nnot really a pdf"));
    const failure = async () => renderOwnedPage(db, storage, actor, broken.id, 1).then(() => null, (error: unknown) => error as AppError);
    const first = await failure();
    expect(first?.code).toBe("UNPROCESSABLE");
    const drawn = countInternalToolRuns("internal.page-preview").workers;
    expect(await failure()).toMatchObject({ code: "UNPROCESSABLE", message: first?.message });
    expect(countInternalToolRuns("internal.page-preview").workers).toBe(drawn);
  });

  it("drops a file's cached previews when the file is deleted or expires", async () => {
    const actor = guest();
    const pdf = await storeFile(actor, "notes.pdf", "application/pdf", makePdf("Notes", 2));
    await renderThumbnail(db, storage, actor, pdf.id);
    await renderOwnedPage(db, storage, actor, pdf.id, 2);
    expect(await readCachedPreview(pdf.storageKey, "page-2.png")).not.toBeNull();
    await deleteFile(db, storage, actor, pdf.id);
    expect(await readCachedPreview(pdf.storageKey, "thumbnail.webp")).toBeNull();
    expect(await readCachedPreview(pdf.storageKey, "page-2.png")).toBeNull();

    const expiring = await storeFile(actor, "old.png", "image/png", await makeImage(64, 64, "png"), new Date(Date.now() + 60_000));
    await renderThumbnail(db, storage, actor, expiring.id);
    await deleteExpired(db, storage, new Date(Date.now() + 120_000));
    expect(await readCachedPreview(expiring.storageKey, "thumbnail.webp")).toBeNull();
  });

  it("sweeps previews whose file went by a path the storage driver did not see", async () => {
    const actor = guest();
    const kept = await storeFile(actor, "kept.png", "image/png", await makeImage(64, 64, "png"));
    await renderThumbnail(db, storage, actor, kept.id);
    const orphanKey = createStorageKey();
    await writeCachedPreview(orphanKey, "thumbnail.webp", new Uint8Array([1, 2, 3]));
    const { deletedPreviews } = await sweepPreviewCache(db);
    expect(deletedPreviews).toBeGreaterThanOrEqual(1);
    expect(await readCachedPreview(orphanKey, "thumbnail.webp")).toBeNull();
    expect(await readCachedPreview(kept.storageKey, "thumbnail.webp")).not.toBeNull();
  });

  it("names each preview with a validator the browser can send back", () => {
    const etag = previewEtag("file1", "page-3");
    expect(holdsPreview(new Request("http://x/", { headers: { "if-none-match": `W/"other", ${etag}` } }), etag)).toBe(true);
    expect(holdsPreview(new Request("http://x/", { headers: { "if-none-match": previewEtag("file1", "page-4") } }), etag)).toBe(false);
    expect(holdsPreview(new Request("http://x/"), etag)).toBe(false);
  });
});

describe("a large text file's preview", () => {
  const line = "A line of an ordinary text file, long enough to look like prose.\n";
  const fiftyMb = () => new TextEncoder().encode(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));

  it("reads only a bounded prefix of the stored file", async () => {
    const actor = guest();
    const text = await storeFile(actor, "huge.txt", "text/plain", fiftyMb());
    const [first, largest] = TEXT_PREVIEW_PREFIX_BYTES;
    const prefix = await readStoredPrefix(storage, text.storageKey, first);
    expect(prefix.bytes.byteLength).toBe(first);
    expect(prefix.truncated).toBe(true);
    expect(largest).toBeLessThanOrEqual(256 * 1024);
    const whole = await readStoredPrefix(storage, text.storageKey, 60 * 1024 * 1024);
    expect(whole).toMatchObject({ truncated: false });
    expect(whole.bytes.byteLength).toBeGreaterThanOrEqual(50 * 1024 * 1024);
  });

  it("shows the first pages and says plainly when a page lies past the previewed part", async () => {
    const actor = guest();
    const text = await storeFile(actor, "huge.txt", "text/plain", fiftyMb());
    expect(await pngSize(await renderOwnedPage(db, storage, actor, text.id, 1))).toMatchObject({ format: "png" });
    const far = await renderOwnedPage(db, storage, actor, text.id, 20_000).then(() => null, (error: unknown) => error as AppError);
    expect(far?.code).toBe("UNPROCESSABLE");
    expect(far?.message).toMatch(/^Page 20000 of huge\.txt cannot be shown: only the first [\d,]+ pages of a text file this large can be previewed\.$/);
  });
});
