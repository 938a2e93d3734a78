import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { multipartBody } from "~/test/support/multipart";
import { requestDocumentIngestion } from "./request-document-ingestion";

const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

async function uploadNotes(actor: Actor, count: number) {
  const parts = Array.from({ length: count }, (_, index) => ({ name: `note-${index}.txt`, bytes: new TextEncoder().encode(`Note number ${index}.`) }));
  return uploadFiles(db, getStorage(), actor, multipartBody(parts));
}

describe("document ingestion per owner", () => {
  it("queues at most 10 documents per owner; the 11th is refused with a wait, other owners are not held back", async () => {
    const greedy = guest();
    const files = await uploadNotes(greedy, 11);
    const sent: Array<{ fileId: string; ownerKey: string }> = [];
    const send = async (fileId: string, ownerKey: string) => void sent.push({ fileId, ownerKey });

    for (const file of files.slice(0, 10)) await requestDocumentIngestion(db, greedy, file.id, send);
    const refused = await requestDocumentIngestion(db, greedy, files[10]?.id ?? "", send).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30, message: expect.stringContaining("still being prepared") });
    expect(sent).toHaveLength(10);
    // Every event names its owner, which the functions' per-owner concurrency is keyed on.
    expect(new Set(sent.map((event) => event.ownerKey))).toEqual(new Set([`guest:${greedy.kind === "guest" ? greedy.guestId : ""}`]));

    const other = guest();
    const [mine] = await uploadNotes(other, 1);
    await expect(requestDocumentIngestion(db, other, mine?.id ?? "", send)).resolves.toMatchObject({ status: "pending" });

    // Once one of the first ten is done, the eleventh may go.
    await db.document.update({ where: { fileId: files[0]?.id ?? "" }, data: { status: "ready", progress: 100 } });
    await expect(requestDocumentIngestion(db, greedy, files[10]?.id ?? "", send)).resolves.toMatchObject({ status: "pending" });
  });
});
