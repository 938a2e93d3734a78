import { describe, expect, it } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { callerFor } from "~/test/support/callers";
import { openStreamCount } from "./stream-slots";

// Streams through the real job.onUpdate procedure, on a job that keeps running.
async function runningJob(guestId: string) {
  return db.job.create({ data: { guestId, tool: "pdf.merge", options: {}, status: "RUNNING", expiresAt: new Date(Date.now() + 3600_000) } });
}

async function openStream(caller: ReturnType<typeof callerFor>["caller"], id: string) {
  const iterator = (await caller.job.onUpdate({ id }))[Symbol.asyncIterator]();
  await iterator.next(); // the current state: the stream is open
  return iterator;
}

describe("live progress streams per owner", () => {
  it("allows MAX_STREAMS_PER_OWNER (8) at once, refuses the next with 429, and frees a slot when one closes", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const job = await runningJob(guestId);
    const streams = [];
    for (let index = 0; index < 8; index += 1) streams.push(await openStream(caller, job.id));
    expect(openStreamCount(`guest:${guestId}`)).toBe(8);

    await expect(openStream(caller, job.id)).rejects.toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 5, message: expect.stringContaining("Too many live progress views") });
    // Someone else is not affected.
    const otherGuest = createGuestId();
    const other = callerFor({ guestId: otherGuest }).caller;
    const otherStream = await openStream(other, (await runningJob(otherGuest)).id);

    await streams[0]?.return?.(undefined);
    expect(openStreamCount(`guest:${guestId}`)).toBe(7);
    streams[0] = await openStream(caller, job.id);
    expect(openStreamCount(`guest:${guestId}`)).toBe(8);

    await Promise.all([...streams, otherStream].map((stream) => stream.return?.(undefined)));
    expect(openStreamCount(`guest:${guestId}`)).toBe(0);
    expect(openStreamCount(`guest:${otherGuest}`)).toBe(0);
  });

  it("frees the slot when the job finishes and its stream ends by itself", async () => {
    const guestId = createGuestId();
    const { caller } = callerFor({ guestId });
    const job = await db.job.create({ data: { guestId, tool: "pdf.merge", options: {}, status: "SUCCEEDED", expiresAt: new Date(Date.now() + 3600_000) } });
    const iterator = (await caller.job.onUpdate({ id: job.id }))[Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    expect((await iterator.next()).done).toBe(true);
    expect(openStreamCount(`guest:${guestId}`)).toBe(0);
  });
});
