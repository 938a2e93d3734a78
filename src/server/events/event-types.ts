import "server-only";
import { eventType } from "inngest";
import { z } from "zod";

// Every event FileForge sends, with its payload schema. Payloads carry ids and
// storage keys only: file bytes never travel through events.
// `ownerKey` ("user:…" / "guest:…") is what the functions' per-owner
// concurrency is keyed on, so one owner cannot take every slot.
export const jobRequested = eventType("job/requested", {
  schema: z.object({ jobId: z.string().min(1), ownerKey: z.string().min(1) }),
});

export const jobCancelRequested = eventType("job/cancel-requested", {
  schema: z.object({ jobId: z.string().min(1) }),
});

/** Sent at start-up so expired files go at once, not at the next hourly tick. */
export const cleanupRequested = eventType("fileforge/cleanup.requested", {
  schema: z.object({ reason: z.string() }),
});

/** Prepare a file for AI features: text per page, chunks, full-text index, embeddings. */
export const documentIngestRequested = eventType("document/ingest-requested", {
  schema: z.object({ fileId: z.string().min(1), ownerKey: z.string().min(1) }),
});
