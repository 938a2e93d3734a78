import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { uploadFiles } from "@/server/services/files/upload-files";
import { openPdf } from "@/server/tools/pdf/open-pdf";
import { makePdf } from "@/server/tools/test-support/make-pdf";
import { multipartBody } from "~/test/support/multipart";
import { setupTempStorage } from "~/test/support/temp-storage";

// What POST /api/files answers (receiveUploadRequest → uploadFiles) for PDFs
// with and without a password, made here by mupdf with real AES-256 encryption.
const { storage } = setupTempStorage();
const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

describe("uploading a password-protected PDF", () => {
  it("says so in the upload answer, before any tool runs", async () => {
    const locked = makePdf("secret", 3, { encrypt: "aes-256,user-password=hunter2" });
    // Long enough that the trailer is far from the head the type sniffer reads.
    const lockedLong = makePdf("secret long", 300, { linesPerPage: 20, encrypt: "rc4-128,user-password=x,owner-password=y" });
    const open = makePdf("open", 2);
    const answer = await uploadFiles(db, storage, guest(), multipartBody([
      { name: "locked.pdf", bytes: locked },
      { name: "locked-long.pdf", bytes: lockedLong },
      { name: "open.pdf", bytes: open },
      { name: "notes.txt", bytes: "/Encrypt 5 0 R is only text here" },
    ]));

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
