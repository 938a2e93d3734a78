import { describe, expect, it } from "vitest";
import { summaryRequestSchema } from "./summary-request-schema";

describe("POST /api/ai/summary body", () => {
  it("takes what useCompletion sends: its prompt, and the tool, file and options", () => {
    const body = summaryRequestSchema.parse({ prompt: "", tool: "ai.key-points", fileId: "f1", options: { length: "short" } });
    expect(body).toEqual({ tool: "ai.key-points", fileId: "f1", options: { length: "short" } });
    expect(summaryRequestSchema.parse({ tool: "ai.summarize", fileId: "f1" }).options).toEqual({});
  });

  it("refuses a tool that only runs as a job, with a sentence", () => {
    const result = summaryRequestSchema.safeParse({ tool: "pdf.merge", fileId: "f1" });
    expect(result.error?.issues[0]?.message).toBe("This tool cannot stream its result; run it as a job.");
    expect(summaryRequestSchema.safeParse({ tool: "ai.summarize", fileId: "" }).success).toBe(false);
  });
});
