import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { unzipSync } from "fflate";
import { inngest } from "@/server/events/inngest-client";
import { functions } from "~/inngest/index";
import { env } from "@/env";
import { db } from "@/server/db";
import { startEmbeddedEngine, stopEmbeddedEngine } from "@/server/durable/embedded/start-embedded-engine";
import { exportAccountData } from "@/server/services/account/export-account-data";
import { uploadFiles } from "@/server/services/files/upload-files";
import type { JobView } from "@/server/services/jobs/job-view";
import { getStorage } from "@/server/storage";
import { mupdf } from "@/server/tools/pdf/mupdf-runtime";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { callerFor, createTestUser } from "~/test/support/callers";
import { captureLogs } from "~/test/support/capture-logs";
import { multipartBody } from "~/test/support/multipart";

// A PDF password goes to the step that needs it and nowhere else: not the job
// row, job.get, the account export, the logs, or any byte under DATA_DIR.
beforeAll(async () => {
  await startEmbeddedEngine({ db, client: inngest, functions, pollIntervalMs: 50 });
});
afterAll(async () => {
  await stopEmbeddedEngine();
});
afterEach(() => vi.restoreAllMocks());


async function waitUntilDone(caller: ReturnType<typeof callerFor>["caller"], id: string): Promise<JobView> {
  const stream = await caller.job.onUpdate({ id });
  for await (const event of stream) {
    const job = (Array.isArray(event) ? (event as unknown[])[1] : event.data) as JobView;
    if (["succeeded", "failed", "canceled"].includes(job.status)) return job;
  }
  throw new Error("the update stream ended before the job did");
}

/** Every file under a directory whose bytes contain the needle (as UTF-8 or UTF-16LE). */
async function filesContaining(root: string, needle: string): Promise<string[]> {
  const forms = [Buffer.from(needle, "utf8"), Buffer.from(needle, "utf16le")];
  const found: string[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const bytes = await readFile(full).catch(() => null);
    if (bytes && forms.some((form) => bytes.includes(form))) found.push(full);
  }
  return found;
}

async function jobRowText(id: string): Promise<string> {
  const [row] = await db.$queryRaw<{ text: string }[]>`SELECT row_to_json(j)::text AS text FROM "Job" j WHERE j."id" = ${id}`;
  return row?.text ?? "";
}

describe("PDF passwords", () => {
  it("reach the tool, and are in no response, export, log, row or file", async () => {
    const logs = captureLogs();
    const password = `planted-open-${Math.random().toString(36).slice(2)}`;
    const ownerPassword = `planted-owner-${Math.random().toString(36).slice(2)}`;
    const user = await createTestUser();
    const { caller } = callerFor({ sessionUserId: user.id });
    const actor = { kind: "user" as const, userId: user.id, role: "USER" as const, email: user.email, name: user.name };
    const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "report.pdf", bytes: makePdf("report", 2) }]));

    const created = await caller.job.create({ tool: "pdf.protect", fileIds: [file?.id ?? ""], options: { password, ownerPassword, allowPrinting: false } });
    expect(JSON.stringify(created)).not.toContain("planted-");
    expect(created.secretOptionNames.sort()).toEqual(["ownerPassword", "password"]);
    expect(created.options).toMatchObject({ allowPrinting: false });
    // While it may run, the row holds the passwords sealed, not in the clear.
    const sealed = await db.job.findUniqueOrThrow({ where: { id: created.id }, select: { sealedOptions: true } });
    expect(sealed.sealedOptions).toMatch(/^v1\./);
    expect(await jobRowText(created.id)).not.toContain("planted-");

    const done = await waitUntilDone(caller, created.id);
    expect(done.status).toBe("succeeded");
    // The tool had them: the output opens with the password, and limits printing.
    const output = await getStorage().readBytes((await db.file.findUniqueOrThrow({ where: { id: done.outputs[0]?.id ?? "" } })).storageKey);
    const locked = new mupdf.PDFDocument(output);
    expect(locked.needsPassword()).toBe(true);
    expect(locked.authenticatePassword(password)).not.toBe(0);
    expect(locked.hasPermission("print")).toBe(false);

    // Wiped when the job ended.
    expect((await db.job.findUniqueOrThrow({ where: { id: created.id } })).sealedOptions).toBeNull();
    expect(JSON.stringify(await caller.job.get({ id: created.id }))).not.toContain("planted-");
    expect(JSON.stringify(await caller.job.list({}))).not.toContain("planted-");
    const exported = await exportAccountData(db, getStorage(), actor);
    const zip = unzipSync(new Uint8Array(await buffer(exported.body)));
    expect(Buffer.from(zip["jobs.json"] ?? []).toString()).toContain("pdf.protect");
    for (const bytes of Object.values(zip)) expect(Buffer.from(bytes).includes("planted-")).toBe(false);
    expect(logs()).not.toContain("planted-");
    expect(await filesContaining(env.DATA_DIR, password)).toEqual([]);
    expect(await filesContaining(env.DATA_DIR, ownerPassword)).toEqual([]);
  });

  it("are asked for again when the job runs again", async () => {
    const user = await createTestUser();
    const { caller } = callerFor({ sessionUserId: user.id });
    const actor = { kind: "user" as const, userId: user.id, role: "USER" as const, email: user.email, name: user.name };
    const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "report.pdf", bytes: makePdf("report", 1) }]));
    const first = await caller.job.create({ tool: "pdf.protect", fileIds: [file?.id ?? ""], options: { password: "first secret" } });
    expect((await waitUntilDone(caller, first.id)).status).toBe("succeeded");

    await expect(caller.job.rerun({ id: first.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter the password again") });
    await expect(caller.job.rerun({ id: first.id, secretOptions: { ownerPassword: "not the one asked for" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const again = await caller.job.rerun({ id: first.id, secretOptions: { password: "second secret" } });
    expect(again.secretOptionNames).toEqual(["password"]);
    const done = await waitUntilDone(caller, again.id);
    expect(done.status).toBe("succeeded");
    const output = await getStorage().readBytes((await db.file.findUniqueOrThrow({ where: { id: done.outputs[0]?.id ?? "" } })).storageKey);
    const locked = new mupdf.PDFDocument(output);
    expect(locked.authenticatePassword("first secret")).toBe(0);
    expect(locked.authenticatePassword("second secret")).not.toBe(0);
  });

  it("for unlock are sealed the same way, and a job without one asks for nothing on re-run", async () => {
    const user = await createTestUser();
    const { caller } = callerFor({ sessionUserId: user.id });
    const actor = { kind: "user" as const, userId: user.id, role: "USER" as const, email: user.email, name: user.name };
    const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "report.pdf", bytes: makePdf("report", 1) }]));
    const protectedJob = await caller.job.create({ tool: "pdf.protect", fileIds: [file?.id ?? ""], options: { password: "unlock me" } });
    const protectedDone = await waitUntilDone(caller, protectedJob.id);
    const unlock = await caller.job.create({ tool: "pdf.unlock", fileIds: [protectedDone.outputs[0]?.id ?? ""], options: { password: "unlock me" } });
    expect(unlock.options).toEqual({});
    expect(unlock.secretOptionNames).toEqual(["password"]);
    const unlocked = await waitUntilDone(caller, unlock.id);
    expect(unlocked.status).toBe("succeeded");
    const output = await getStorage().readBytes((await db.file.findUniqueOrThrow({ where: { id: unlocked.outputs[0]?.id ?? "" } })).storageKey);
    expect(new mupdf.PDFDocument(output).needsPassword()).toBe(false);

    const merge = await caller.job.create({ tool: "pdf.merge", fileIds: [file?.id ?? "", file?.id ?? ""] });
    expect(merge.secretOptionNames).toEqual([]);
    await waitUntilDone(caller, merge.id);
    expect((await caller.job.rerun({ id: merge.id })).status).toBe("queued");
  });
});
