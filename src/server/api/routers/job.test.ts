import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import type { JobStatus } from "@/server/db/generated/enums";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { callerFor, createTestUser } from "~/test/support/callers";

type Owner = { userId: string } | { guestId: string };

function createImage(owner: Owner, name: string) {
  return db.file.create({ data: { ...owner, storageKey: createStorageKey(), name, mimeType: "image/png", size: 1_000, sha256: "x" } });
}

/** A finished job straight in the database, as if it had run. */
async function createFinishedJob(owner: Owner, input: { tool?: string; status?: JobStatus; fileIds: string[]; minutesAgo?: number; options?: object }) {
  return db.job.create({
    data: {
      ...owner,
      tool: input.tool ?? "image.convert",
      options: input.options ?? { format: "webp" },
      status: input.status ?? "SUCCEEDED",
      createdAt: new Date(Date.now() - (input.minutesAgo ?? 0) * 60_000),
      inputCount: input.fileIds.length,
      inputs: { create: input.fileIds.map((fileId, position) => ({ position, fileId })) },
    },
  });
}

function codeOf(error: unknown) {
  expect(error).toBeInstanceOf(TRPCError);
  return { code: (error as TRPCError).code, message: (error as TRPCError).message };
}

describe("job.list", () => {
  it("filters by status and tool, pages newest first and counts the matches", async () => {
    const guestId = createGuestId();
    const owner = { guestId };
    const image = await createImage(owner, "a.png");
    const seeds: { tool: string; status: JobStatus }[] = [
      { tool: "image.convert", status: "SUCCEEDED" },
      { tool: "image.resize", status: "FAILED" },
      { tool: "image.convert", status: "FAILED" },
      { tool: "image.convert", status: "SUCCEEDED" },
      { tool: "image.resize", status: "SUCCEEDED" },
    ];
    const jobs = [];
    for (const [index, seed] of seeds.entries()) jobs.push(await createFinishedJob(owner, { ...seed, fileIds: [image.id], minutesAgo: index }));
    await createFinishedJob({ guestId: createGuestId() }, { fileIds: [(await createImage({ guestId: createGuestId() }, "x.png")).id] });
    const { caller } = callerFor({ guestId });

    const all = await caller.job.list();
    expect(all.items.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    expect(all.total).toBe(5);
    const failed = await caller.job.list({ status: "failed" });
    expect(failed.items.map((job) => job.id)).toEqual([jobs[1]?.id, jobs[2]?.id]);
    const converted = await caller.job.list({ tool: "image.convert", status: "succeeded" });
    expect(converted.items.map((job) => job.id)).toEqual([jobs[0]?.id, jobs[3]?.id]);
    expect(converted.total).toBe(2);

    const first = await caller.job.list({ limit: 2 });
    const second = await caller.job.list({ limit: 2, cursor: first.nextCursor });
    const third = await caller.job.list({ limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    expect(third.nextCursor).toBeNull();
  });
});

describe("job.rerun", () => {
  it("starts a new job with the same tool, options and inputs in the same order", async () => {
    const user = await createTestUser();
    const owner = { userId: user.id };
    const [first, second] = [await createImage(owner, "first.png"), await createImage(owner, "second.png")];
    const original = await createFinishedJob(owner, { tool: "image.resize", fileIds: [second.id, first.id], options: { width: 120 } });
    const { caller } = callerFor({ sessionUserId: user.id });

    const rerun = await caller.job.rerun({ id: original.id });
    expect(rerun.id).not.toBe(original.id);
    expect(rerun).toMatchObject({ tool: "image.resize", status: "queued" });
    expect(rerun.inputs.map((input) => input.name)).toEqual(["second.png", "first.png"]);
    expect(rerun.options).toMatchObject({ width: 120 });
    expect((await caller.job.list()).total).toBe(2);
  });

  it("says readably that it cannot run again when an input was deleted", async () => {
    const guestId = createGuestId();
    const owner = { guestId };
    const [kept, deleted] = [await createImage(owner, "kept.png"), await createImage(owner, "deleted.png")];
    const { caller } = callerFor({ guestId });
    const single = await createFinishedJob(owner, { fileIds: [deleted.id] });
    const pair = await createFinishedJob(owner, { tool: "image.resize", fileIds: [deleted.id, kept.id], options: { width: 50 } });
    // The deleted file is the last input here: no gap in the positions is left to notice it by.
    const lastDeleted = await createFinishedJob(owner, { tool: "image.resize", fileIds: [kept.id, deleted.id], options: { width: 50 } });
    await caller.file.delete({ id: deleted.id });
    expect((await caller.job.get({ id: lastDeleted.id })).missingInputs).toBe(1);

    for (const job of [single, pair, lastDeleted]) {
      const error = codeOf(await caller.job.rerun({ id: job.id }).catch((e: unknown) => e));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe(
        "This job cannot run again because one or more of its input files were deleted or have expired. Upload them again and start the tool from its page.",
      );
    }
    expect((await caller.job.list()).total).toBe(3);
  });

  it("answers NOT_FOUND for another user's job and starts nothing", async () => {
    const owner = await createTestUser();
    const image = await createImage({ userId: owner.id }, "mine.png");
    const job = await createFinishedJob({ userId: owner.id }, { fileIds: [image.id] });
    const intruder = callerFor({ sessionUserId: (await createTestUser()).id }).caller;
    const guest = callerFor({ guestId: createGuestId() }).caller;

    for (const caller of [intruder, guest]) {
      const error = codeOf(await caller.job.rerun({ id: job.id }).catch((e: unknown) => e));
      expect(error.code).toBe("NOT_FOUND");
    }
    expect(await db.job.count({ where: { userId: owner.id } })).toBe(1);
  });
});

describe("job.get", () => {
  it("shows the owner the same job as the job list, inputs in order and outputs, and no one else", async () => {
    const guestId = createGuestId();
    const owner = { guestId };
    const [first, second] = [await createImage(owner, "first.png"), await createImage(owner, "second.png")];
    const job = await createFinishedJob(owner, { fileIds: [second.id, first.id], options: { format: "avif", quality: 60 } });
    await db.job.update({ where: { id: job.id }, data: { startedAt: new Date(Date.now() - 2_000), finishedAt: new Date(), progress: 100, step: "Done" } });
    const output = await db.file.create({ data: { ...owner, jobId: job.id, storageKey: createStorageKey(), name: "first.avif", mimeType: "image/avif", size: 420, sha256: "y" } });
    const { caller } = callerFor({ guestId });

    const seen = await caller.job.get({ id: job.id });
    const [listed] = (await caller.job.list()).items;
    expect(seen).toEqual(listed);
    expect(seen).toMatchObject({
      status: "succeeded",
      options: { format: "avif", quality: 60 },
      inputs: [{ id: second.id, name: "second.png", size: 1_000, mimeType: "image/png" }, { id: first.id, name: "first.png" }],
      outputs: [{ id: output.id, name: "first.avif", size: 420, mimeType: "image/avif" }],
      missingInputs: 0,
    });
    expect(seen.finishedAt).toBeInstanceOf(Date);
    expect(seen.createdAt.getTime()).toBe(job.createdAt.getTime());

    const stranger = callerFor({ guestId: createGuestId() }).caller;
    expect(codeOf(await stranger.job.get({ id: job.id }).catch((error: unknown) => error)).code).toBe("NOT_FOUND");
    const user = await createTestUser();
    const signedIn = callerFor({ sessionUserId: user.id }).caller;
    expect(codeOf(await signedIn.job.get({ id: job.id }).catch((error: unknown) => error)).code).toBe("NOT_FOUND");
  });

  it("no longer shows a guest's job past its expiry", async () => {
    const guestId = createGuestId();
    const image = await createImage({ guestId }, "old.png");
    const job = await createFinishedJob({ guestId }, { fileIds: [image.id] });
    await db.job.update({ where: { id: job.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const { caller } = callerFor({ guestId });
    expect(codeOf(await caller.job.get({ id: job.id }).catch((error: unknown) => error)).code).toBe("NOT_FOUND");
  });
});

describe("job.create options", () => {
  it("refuses with 400 an option the tool does not know, or one that does not apply, and starts nothing", async () => {
    const guestId = createGuestId();
    const image = await createImage({ guestId }, "a.png");
    const { caller } = callerFor({ guestId });
    const unknown = await caller.job.create({ tool: "image.convert", fileIds: [image.id], options: { format: "jpeg", qualty: 50 } }).catch(codeOf);
    expect(unknown).toEqual({ code: "BAD_REQUEST", message: "Convert images has no option “qualty”. Its options are: format, quality, maxWidth, maxHeight, stripMetadata." });
    const inapplicable = await caller.job.create({ tool: "image.convert", fileIds: [image.id], options: { format: "png", quality: 50 } }).catch(codeOf);
    expect(inapplicable).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("“quality” applies only when “format” is") });
    expect(await db.job.count({ where: { guestId } })).toBe(0);
  });

  it("re-runs a job stored with options that no longer apply, leaving them out", async () => {
    const guestId = createGuestId();
    const image = await createImage({ guestId }, "a.png");
    const earlier = await createFinishedJob({ guestId }, { fileIds: [image.id], options: { format: "png", quality: 80, removedOption: 1 } });
    const { caller } = callerFor({ guestId });
    const again = await caller.job.rerun({ id: earlier.id });
    expect(again.options).toEqual({ format: "png", stripMetadata: true });
  });
});
