import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { receiveUploadRequest } from "@/server/http/receive-upload-request";
import { openPdf } from "@/server/tools/pdf/open-pdf";
import { makePdf } from "~/test/support/pdf/make-pdf";
import { setupTempStorage } from "~/test/support/temp-storage";

// What POST /api/files answers (the route hands its request to
// receiveUploadRequest once it knows the visitor) for PDFs with and without a
// password, made here by mupdf with real encryption.
const { storage } = setupTempStorage();
const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

describe("uploading a password-protected PDF", () => {
  it("says so in the upload answer, before any tool runs", async () => {
    const locked = makePdf("secret", 3, { encrypt: "aes-256,user-password=hunter2" });
    // Long enough that the trailer is far from the head the type sniffer reads.
    const lockedLong = makePdf("secret long", 300, { linesPerPage: 20, encrypt: "rc4-128,user-password=x,owner-password=y" });
    const open = makePdf("open", 2);
    const form = new FormData();
    const files: [string, Uint8Array | string][] = [["locked.pdf", locked], ["locked-long.pdf", lockedLong], ["open.pdf", open], ["notes.txt", "/Encrypt 5 0 R is only text here"]];
    for (const [name, bytes] of files) form.append("file", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)]), name);
    const response = await receiveUploadRequest(new Request("http://localhost/api/files", { method: "POST", body: form }), guest(), { storage });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { name: string; mimeType: string; encrypted: boolean }[];

    expect(answer.map((file) => [file.name, file.mimeType, file.encrypted])).toEqual([
      ["locked.pdf", "application/pdf", true],
      ["locked-long.pdf", "application/pdf", true],
      ["open.pdf", "application/pdf", false],
      ["notes.txt", "text/plain", false],
    ]);
    expect(lockedLong.byteLength).toBeGreaterThan(64 * 1024);
  });

  it("agrees with the PDF engine, which refuses the locked file without its password", () => {
    const locked = makePdf("secret", 1, { encrypt: "aes-256,user-password=hunter2" });
    expect(() => openPdf("locked.pdf", locked)).toThrow(/password/i);
  });
});
