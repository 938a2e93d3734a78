import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/server/events/inngest-client";
import { functions } from "~/inngest/index";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { startEmbeddedEngine, stopEmbeddedEngine } from "@/server/durable/embedded/start-embedded-engine";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { uploadFiles } from "@/server/services/files/upload-files";
import type { JobView } from "@/server/services/jobs/job-view";
import { getStorage } from "@/server/storage";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { toolRunnerMode } from "@/server/tools/worker/tool-runner";
import { callerFor } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";

// The main flow end to end, through the real Inngest functions on the
// embedded engine and the real database: upload → job.create → live updates
// over the subscription → download.
beforeAll(async () => {
  await startEmbeddedEngine({ db, client: inngest, functions, pollIntervalMs: 50 });
});
afterAll(async () => {
  await stopEmbeddedEngine();
});

async function watchUntilDone(caller: ReturnType<typeof callerFor>["caller"], id: string): Promise<JobView[]> {
  const updates: JobView[] = [];
  const stream = await caller.job.onUpdate({ id });
  for await (const event of stream) {
    // Typed as { id, data }, but in-process callers receive the raw tracked() envelope [id, data].
    const job = (Array.isArray(event) ? (event as unknown[])[1] : event.data) as JobView;
    updates.push(job);
    if (["succeeded", "failed", "canceled"].includes(job.status)) break;
  }
  return updates;
}

async function download(guestId: string, fileId: string) {
  const file = await getOwnedFile(db, { kind: "guest", guestId, role: "GUEST" }, fileId);
  return { file, bytes: await buffer(await getStorage().read(file.storageKey)) };
}

describe("a guest runs a tool", () => {
  it("merges PDFs in the user's order, with live progress, and downloads the result", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const uploaded = await uploadFiles(db, getStorage(), { kind: "guest", guestId, role: "GUEST" }, multipartBody([
      { name: "first.pdf", bytes: makePdf("first", 2) },
      { name: "second.pdf", bytes: makePdf("second", 3) },
    ]));
    const [first, second] = uploaded;
    const job = await caller.job.create({ tool: "pdf.merge", fileIds: [second?.id ?? "", first?.id ?? ""] });
    expect(job.status).toBe("queued");

    const updates = await watchUntilDone(caller, job.id);
    const final = updates.at(-1);
    expect(final?.status).toBe("succeeded");
    expect(final?.progress).toBe(100);
    expect(updates.some((update) => update.status === "running" || (update.progress > 0 && update.progress < 100))).toBe(true);
    expect(final?.outputs).toHaveLength(1);
    expect(final?.inputs.map((input) => input.name)).toEqual(["second.pdf", "first.pdf"]);

    const { file, bytes } = await download(guestId, final?.outputs[0]?.id ?? "");
    expect(file.mimeType).toBe("application/pdf");
    expect(file.expiresAt?.getTime()).toBe(first?.expiresAt?.getTime());
    const texts = pageTexts(new Uint8Array(bytes));
    expect(texts).toHaveLength(5);
    expect(texts.map((text) => text.match(/(first|second) page \d/)?.[0])).toEqual([
      "second page 1", "second page 2", "second page 3", "first page 1", "first page 2",
    ]);
    // It ran in a tool worker process, not in this one after a fallback.
    expect(toolRunnerMode()).toBe("workers");
  });

  it("converts an image to the asked format and size", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const png = await sharp({ create: { width: 1600, height: 800, channels: 3, background: "#3a6" } }).png().toBuffer();
    const [image] = await uploadFiles(db, getStorage(), { kind: "guest", guestId, role: "GUEST" }, multipartBody([{ name: "wide.png", bytes: png }]));
    const job = await caller.job.create({ tool: "image.convert", fileIds: [image?.id ?? ""], options: { format: "jpeg", maxWidth: 400 } });

    const final = (await watchUntilDone(caller, job.id)).at(-1);
    expect(final?.status).toBe("succeeded");
    const { file, bytes } = await download(guestId, final?.outputs[0]?.id ?? "");
    expect(file.name).toBe("wide.jpg");
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 400, 200]);
  });

  it("fails at once with a readable message for input that can never work", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const locked = makePdf("secret", 1, { encrypt: "aes-256,user-password=hunter2" });
    const uploaded = await uploadFiles(db, getStorage(), { kind: "guest", guestId, role: "GUEST" }, multipartBody([
      { name: "locked.pdf", bytes: locked },
      { name: "open.pdf", bytes: makePdf("open", 1) },
    ]));
    const job = await caller.job.create({ tool: "pdf.merge", fileIds: uploaded.map((file) => file.id) });
    const final = (await watchUntilDone(caller, job.id)).at(-1);
    expect(final?.status).toBe("failed");
    expect(final?.error).toMatch(/locked\.pdf is password-protected/);
    expect(final?.outputs).toEqual([]);
    const row = await db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.attempts).toBe(1);
  });

  it("shows another guest nothing: job, updates and outputs are 404", async () => {
    const owner = createGuestId();
    const [file] = await uploadFiles(db, getStorage(), { kind: "guest", guestId: owner, role: "GUEST" }, multipartBody([{ name: "a.png", bytes: await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } }).png().toBuffer() }]));
    const job = await callerFor({ guestId: owner }).caller.job.create({ tool: "image.convert", fileIds: [file?.id ?? ""] });
    const intruder = callerFor({ guestId: createGuestId() }).caller;
    await expect(intruder.job.get({ id: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.job.cancel({ id: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((async () => { for await (const _ of await intruder.job.onUpdate({ id: job.id })) break; })()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.job.create({ tool: "image.convert", fileIds: [file?.id ?? ""] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(intruder.file.delete({ id: file?.id ?? "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await watchUntilDone(callerFor({ guestId: owner }).caller, job.id);
  });
});
