import { describe, expect, it } from "vitest";
import type { QueueItem } from "@/stores/tool-session-store";
import { runReadiness } from "./run-readiness";

const merge = { title: "Merge PDFs", accepts: ["application/pdf"], minFiles: 2, maxFiles: 3, limits: { maxInputBytes: 5_000 } };

function item(status: QueueItem["status"], size = 1_000): QueueItem {
  const file = new File(["x"], "a.pdf", { type: "application/pdf" });
  const uploaded = status === "uploaded" ? { id: "f1", name: "a.pdf", size, mimeType: "application/pdf", expiresAt: null } : null;
  return { key: crypto.randomUUID(), file, status, progress: 0, error: null, retryable: false, uploaded };
}

describe("runReadiness", () => {
  it("asks for the files the tool needs", () => {
    expect(runReadiness(merge, [])).toEqual({ ready: false, hint: "Add at least 2 PDF files to start." });
    expect(runReadiness(merge, [item("uploaded")])).toEqual({ ready: false, hint: "Add 1 more PDF file to start." });
  });

  it("waits for uploads and for failed files to be dealt with", () => {
    expect(runReadiness(merge, [item("uploaded"), item("uploading")]).hint).toBe("Waiting for uploads to finish…");
    expect(runReadiness(merge, [item("uploaded"), item("failed")]).ready).toBe(false);
  });

  it("checks the total size and then is ready", () => {
    expect(runReadiness(merge, [item("uploaded", 3_000), item("uploaded", 3_000)]).hint).toMatch(/add up to 5.9 KB/);
    expect(runReadiness(merge, [item("uploaded"), item("uploaded")])).toEqual({ ready: true, hint: "2 files ready, 2 KB in total." });
  });
});
