import { readFileSync } from "node:fs";
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
import { toolRunnerMode } from "@/server/tools/worker/tool-runner";
import { callerFor } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";

// "HEIC to JPG" as a guest does it over the API: upload an iPhone HEIC, run
// image.convert in a real tool worker, download an upright JPEG.
beforeAll(async () => {
  await startEmbeddedEngine({ db, client: inngest, functions, pollIntervalMs: 50 });
});
afterAll(async () => {
  await stopEmbeddedEngine();
});

async function finalState(caller: ReturnType<typeof callerFor>["caller"], id: string): Promise<JobView | undefined> {
  const stream = await caller.job.onUpdate({ id });
  for await (const event of stream) {
    const job = (Array.isArray(event) ? (event as unknown[])[1] : event.data) as JobView;
    if (["succeeded", "failed", "canceled"].includes(job.status)) return job;
  }
  return undefined;
}

describe("a guest converts an iPhone photo", () => {
  it("uploads IMG_0042.HEIC and downloads an upright IMG_0042.jpg", async () => {
    const guestId = createGuestId();
    const actor = { kind: "guest" as const, guestId, role: "GUEST" as const };
    const { caller } = callerFor({ guestId });
    const heic = new Uint8Array(readFileSync("test/fixtures/images/iphone-like-rotated.heic"));
    const [photo] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "IMG_0042.HEIC", bytes: heic }]));
    expect(photo?.mimeType).toBe("image/heic");
    const job = await caller.job.create({ tool: "image.convert", fileIds: [photo?.id ?? ""], options: { format: "jpeg" } });

    const final = await finalState(caller, job.id);
    expect(final?.status).toBe("succeeded");
    const file = await getOwnedFile(db, actor, final?.outputs[0]?.id ?? "");
    expect([file.name, file.mimeType]).toEqual(["IMG_0042.jpg", "image/jpeg"]);
    const bytes = await buffer(await getStorage().read(file.storageKey));
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["jpeg", 96, 64, undefined]);
    const { data } = await sharp(bytes).extract({ left: 4, top: 4, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(200); // red top-left: upright
    expect(data[2]).toBeLessThan(60);
    expect(toolRunnerMode()).toBe("workers");
  });
});
