import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inngest } from "@/server/events/inngest-client";
import { functions } from "~/inngest/index";
import { sampleReport } from "~/test/support/sample-report";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { startEmbeddedEngine, stopEmbeddedEngine } from "@/server/durable/embedded/start-embedded-engine";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { callerFor } from "~/test/support/callers";
import { multipartBody } from "~/test/support/multipart";

// The AI tools as jobs: job.create → run-tool on the embedded engine → a stored output.
beforeAll(async () => {
  await startEmbeddedEngine({ db, client: inngest, functions, pollIntervalMs: 50 });
});
afterAll(async () => {
  await stopEmbeddedEngine();
});

async function aiTokensOf(guestId: string): Promise<number> {
  const sum = await db.usageEvent.aggregate({ where: { guestId, kind: "AI_TOKENS" }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

async function runJob(tool: string, options: Record<string, unknown>, guestId = createGuestId()) {
  const actor = { kind: "guest" as const, guestId, role: "GUEST" as const };
  const { caller } = callerFor({ guestId });
  const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "report.pdf", bytes: makeTextPdf(sampleReport.map((chunk) => chunk.text)) }]));
  const job = await caller.job.create({ tool, fileIds: [file?.id ?? ""], options });
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const view = await caller.job.get({ id: job.id });
    if (view.status === "succeeded" || view.status === "failed") {
      const output = view.outputs[0] ? await getOwnedFile(db, actor, view.outputs[0].id) : null;
      const text = output ? (await buffer(await getStorage().read(output.storageKey))).toString("utf8") : null;
      return { view, output, text, guestId };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the job did not finish in 30 s");
}

describe("AI tools as jobs (offline mode)", { timeout: 60_000 }, () => {
  it("summarizes a PDF into a cited Markdown file", async () => {
    const { view, output, text } = await runJob("ai.summarize", { length: "short" });
    expect(view.status).toBe("succeeded");
    expect(output).toMatchObject({ name: "report-summary.md", mimeType: "text/markdown" });
    expect(text).toMatch(/^# Summary of report\.pdf/);
    expect(text).toMatch(/\[p\. \d+\]/);
  });

  it("meters the job's AI tokens against its owner, and refuses the next AI job once the day's tokens are spent", async () => {
    const { view, guestId } = await runJob("ai.key-points", {});
    expect(view.status).toBe("succeeded");
    const spent = await aiTokensOf(guestId);
    // The offline model's estimate of one call: the prompt holds every page of the report.
    expect(spent).toBeGreaterThan(500);
    // One usage row for the one model call: the job records its calls' sum once, nothing else meters them.
    expect(await db.usageEvent.count({ where: { guestId, kind: "AI_TOKENS" } })).toBe(1);
    expect(view.aiTokens).toBe(spent);

    await db.usageEvent.create({ data: { guestId, kind: "AI_TOKENS", amount: 20_000 } });
    const { caller } = callerFor({ guestId });
    const [file] = await db.file.findMany({ where: { guestId, jobId: null }, select: { id: true } });
    await expect(caller.job.create({ tool: "ai.summarize", fileIds: [file?.id ?? ""] })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Daily limit reached: 20,000 AI tokens. Resets at 00:00 UTC. Sign up for higher limits.",
    });
    // Tools that use no model still run.
    await expect(caller.job.create({ tool: "pdf.rotate", fileIds: [file?.id ?? ""] })).resolves.toMatchObject({ status: "queued" });
    expect(await aiTokensOf(guestId)).toBe(spent + 20_000);
  });

  it("fails translation at once with the setting that enables it", async () => {
    const { view } = await runJob("ai.translate", { targetLanguage: "German" });
    expect(view.status).toBe("failed");
    expect(view.error).toBe("Translation needs a language model. Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama) and restart FileForge.");
  });
});
