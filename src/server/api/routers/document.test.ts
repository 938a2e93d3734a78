import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/server/events/inngest-client";
import { functions } from "~/inngest/index";
import { sampleReport } from "~/test/support/sample-report";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { startEmbeddedEngine, stopEmbeddedEngine } from "@/server/durable/embedded/start-embedded-engine";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { callerFor } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";

// document.ingest → the ingest-document function on the embedded engine →
// document.status, as the chat page polls it.
beforeAll(async () => {
  await startEmbeddedEngine({ db, client: inngest, functions, pollIntervalMs: 50 });
});
afterAll(async () => {
  await stopEmbeddedEngine();
});

async function upload(guestId: string, name: string, bytes: Uint8Array) {
  const [file] = await uploadFiles(db, getStorage(), { kind: "guest", guestId, role: "GUEST" }, multipartBody([{ name, bytes }]));
  if (!file) throw new Error("upload failed");
  return file;
}

async function waitForDocument(caller: ReturnType<typeof callerFor>["caller"], fileId: string) {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const status = await caller.document.status({ fileId });
    seen.push(status.status);
    if (status.status === "ready" || status.status === "failed") return { status, seen };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`still ${seen.at(-1)} after 30 s`);
}

describe("document procedures", { timeout: 60_000 }, () => {
  it("prepares a PDF in the background and reports progress until it is ready", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const file = await upload(guestId, "report.pdf", makeTextPdf([...sampleReport.map((chunk) => chunk.text), ""]));
    expect((await caller.document.status({ fileId: file.id })).status).toBe("not-started");

    const requested = await caller.document.ingest({ fileId: file.id });
    expect(["pending", "extracting", "ready"]).toContain(requested.status);
    const { status } = await waitForDocument(caller, file.id);
    expect(status).toMatchObject({ status: "ready", progress: 100, pageCount: 11, pagesWithoutText: [11], error: null });
    // Asking again for a ready document starts nothing.
    expect(await caller.document.ingest({ fileId: file.id })).toMatchObject({ status: "ready" });
    expect(await db.engineRun.count({ where: { functionId: { contains: "ingest-document" }, event: { path: ["data", "fileId"], equals: file.id } } })).toBe(1);
  });

  it("fails with a readable message for an image without text, and can be tried again", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const blank = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#fff" } }).png().toBuffer();
    const file = await upload(guestId, "blank.png", new Uint8Array(blank));
    await caller.document.ingest({ fileId: file.id });
    const { status } = await waitForDocument(caller, file.id);
    expect(status.status).toBe("failed");
    expect(status.error).toBe("blank.png cannot be used for questions: it has no text layer (a scan or photo) and no text could be recognised.");
    // Tried again: queued, or already picked up by the engine on a fast database.
    expect(["pending", "extracting"]).toContain((await caller.document.ingest({ fileId: file.id })).status);
  });

  it("shows another guest nothing", async () => {
    const owner = createGuestId();
    const file = await upload(owner, "report.pdf", makeTextPdf(["Private."]));
    const intruder = callerFor({ guestId: createGuestId() }).caller;
    await expect(intruder.document.status({ fileId: file.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.document.ingest({ fileId: file.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.document.count({ where: { fileId: file.id } })).toBe(0);
  });
});
