import { streamText } from "ai";
import { describe, expect, it } from "vitest";
import { decodeSummaryNotes, SUMMARY_NOTES_HEADER } from "@/shared/summary-notes-header";
import { pageText, sampleReport } from "~/test/support/sample-report";
import { parseCitations } from "@/shared/citations";
import { createLanguageModel } from "@/server/ai/create-ai-models";
import { type Actor, loadUserActor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { type AppErrorCode, isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { readChatStream } from "~/test/support/read-chat-stream";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { buildSummaryCall } from "@/server/tools/ai/summary-calls";
import { createTestUser } from "~/test/support/callers";
import { type DocumentSummaryContext, type DocumentSummaryRequest, streamDocumentSummary } from "./stream-document-summary";
import { aiTokensOf, newGuest, scriptedStreamModel, textParts, upload, uploadPrepared, usage } from "~/test/support/ai-summary-setup";

// The service behind POST /api/ai/summary (the route only adds the body
// schema, the session lookup and the rate limit), on the real database with
// real generated PDFs and real ingestion: the built-in offline model where
// its output can be checked, a scripted model for exact token counts and
// provider failures.
const offlineModel = createLanguageModel({ OPENAI_MODEL: "unused" }, "summarize");
// Ten pages of report and a blank eleventh, so the notes have a page without text to mention.
const reportPdf = () => makeTextPdf([...sampleReport.map((chunk) => chunk.text), ""]);

const context = (actor: Actor, overrides: Partial<DocumentSummaryContext> = {}): DocumentSummaryContext => ({ db, actor, log: logger, model: offlineModel, ...overrides });

async function summarize(actor: Actor, request: Partial<DocumentSummaryRequest> & { fileId: string }, overrides: Partial<DocumentSummaryContext> = {}) {
  const response = await streamDocumentSummary(context(actor, overrides), { tool: "ai.summarize", options: {}, ...request });
  return { response, notes: decodeSummaryNotes(response.headers.get(SUMMARY_NOTES_HEADER)), ...(await readChatStream(response)) };
}

/** The AppError code a refused request throws, with its message. */
async function refusal(promise: Promise<unknown>): Promise<{ code: AppErrorCode; message: string } | null> {
  const error = await promise.then(() => null, (reason: unknown) => reason);
  return isAppError(error) ? { code: error.code, message: error.message } : null;
}

/** Every citation follows a sentence printed on the page it cites. */
function expectHonestCitations(text: string) {
  const lines = text.split("\n").flatMap((line) => line.split(/(?<=\])\s+/));
  const cited = lines.filter((line) => parseCitations(line).length > 0);
  expect(cited.length).toBeGreaterThan(0);
  for (const line of cited) {
    const [citation] = parseCitations(line);
    const sentence = line.slice(0, citation?.start).replace(/^- /, "").trim();
    expect(pageText(citation?.page ?? 0)).toContain(sentence);
  }
}

describe("streaming a summary of one prepared document", { timeout: 60_000 }, () => {
  it("streams sentences cited with the page that holds them, and says what the result is not", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "report.pdf", reportPdf());
    const { response, text, deltas, errors, notes } = await summarize(actor, { fileId: file.id, options: { length: "long" } });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    // Kept out of the server's gzip, which would hold each chunk back (see stream-response-headers.ts).
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(errors).toEqual([]);
    expect(deltas).toBeGreaterThan(5);
    expect(text).toContain("The new Millbrook treatment plant was commissioned on 14 March 2023 at a cost of $18.4 million. [p. 7]");
    expectHonestCitations(text);
    expect(notes).toEqual([expect.stringMatching(/^Offline mode: /), "Not read: page 11 has no text layer."]);
  });

  it("asks the model exactly what the job asks for the same pages", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "report.pdf", makeTextPdf(sampleReport.map((chunk) => chunk.text)));
    const options = { length: "short", style: "bullets" } as const;
    const streamed = scriptedStreamModel(textParts("- A point [p. 1]", usage(10, 5)));
    await summarize(actor, { fileId: file.id, options }, { model: streamed });

    // The job reads the PDF page by page; its passages are the fixture's pages under the upload's name.
    const job = scriptedStreamModel(textParts("- A point [p. 1]", usage(10, 5)));
    const { call } = buildSummaryCall(options, sampleReport.map((page) => ({ ...page, fileName: "report.pdf" })));
    await streamText({ model: job, ...call }).consumeStream();
    expect(streamed.doStreamCalls).toHaveLength(1);
    expect(streamed.doStreamCalls[0]?.prompt).toEqual(job.doStreamCalls[0]?.prompt);
    expect(streamed.doStreamCalls[0]?.providerOptions).toEqual(job.doStreamCalls[0]?.providerOptions);
    expect(streamed.doStreamCalls[0]?.tools).toBeUndefined();
  });

  it("follows the options: length sets the number of statements, style and tool the form", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "report.pdf", reportPdf());
    const short = await summarize(actor, { fileId: file.id, options: { length: "short" } });
    const long = await summarize(actor, { fileId: file.id, options: { length: "long" } });
    expect(parseCitations(short.text)).toHaveLength(3);
    expect(parseCitations(long.text)).toHaveLength(8);
    expect(short.text).not.toMatch(/^- /m);

    const bullets = await summarize(actor, { fileId: file.id, options: { style: "bullets" } });
    expect(bullets.text.split("\n").filter((line) => /^- .+ \[p\. \d+\]$/.test(line))).toHaveLength(5);
    const points = await summarize(actor, { tool: "ai.key-points", fileId: file.id, options: { length: "long" } });
    const items = points.text.split("\n").filter((line) => line.startsWith("- "));
    expect(items).toHaveLength(8);
    expectHonestCitations(items.join("\n"));
  });

  it("counts the provider's tokens as AI_TOKENS usage of the owner", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "notes.txt", "The meeting is on Tuesday in room 4. Bring the signed budget.");
    const model = scriptedStreamModel(textParts("The meeting is on Tuesday [p. 1].", usage(1_200, 80)));
    const { text } = await summarize(actor, { fileId: file.id }, { model });
    expect(text).toBe("The meeting is on Tuesday [p. 1].");
    expect(await aiTokensOf(actor)).toBe(1_280);
    // Recorded once: the metered model is the only thing counting the stream.
    expect(await db.usageEvent.count({ where: { guestId: actor.kind === "guest" ? actor.guestId : "", kind: "AI_TOKENS" } })).toBe(1);
  });

  it("counts an estimate when Stop ends the stream before the provider reports usage", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "report.pdf", reportPdf());
    const slow = createLanguageModel({ OPENAI_MODEL: "unused" }, "summarize", { offlineChunkDelayMs: 30 });
    const stop = new AbortController();
    const response = await streamDocumentSummary(context(actor, { model: slow, signal: stop.signal }), { tool: "ai.summarize", fileId: file.id, options: { length: "long" } });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    let body = "";
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      body += read.value;
      if (body.includes('"text-delta"')) stop.abort();
    }
    expect(body).toContain('"type":"abort"');
    // About a quarter of the characters sent: the ten pages alone are ~2,300 characters.
    await expect.poll(() => aiTokensOf(actor)).toBeGreaterThan(500);
    // Stop both aborts the call and cancels its stream: still one estimate, not two.
    expect(await db.usageEvent.count({ where: { guestId: actor.kind === "guest" ? actor.guestId : "", kind: "AI_TOKENS" } })).toBe(1);
  });

  it("turns a provider failure mid-stream into a sentence in the stream, keeping the text so far", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "notes.txt", "The meeting is on Tuesday in room 4.");
    const model = scriptedStreamModel([
      { type: "stream-start", warnings: [] },
      { type: "text-start", id: "t" },
      { type: "text-delta", id: "t", delta: "The meeting " },
      { type: "error", error: { error: { code: "rate_limit_exceeded", message: "Rate limit reached for requests" } } },
    ]);
    const { text, errors } = await summarize(actor, { fileId: file.id }, { model });
    expect(text).toBe("The meeting ");
    expect(errors).toEqual(["The AI provider is limiting how fast FileForge may send requests. Try again in a minute."]);
  });
});

describe("requests refused before anything streams", () => {
  it("answers NOT_FOUND for another guest's or a user's file, and counts nothing", async () => {
    const owner = newGuest();
    const guestFile = await uploadPrepared(owner, "secret.txt", "Secret plans of the owner, to be kept.");
    const account = await createTestUser();
    const user = await loadUserActor(db, account.id);
    if (!user) throw new Error("no user");
    const userFile = await uploadPrepared(user, "private.txt", "The user's private notes, not for guests.");
    const intruder = newGuest();
    const model = scriptedStreamModel(textParts("Leaked [p. 1].", usage(10, 5)));

    for (const [actor, fileId] of [[intruder, guestFile.id], [intruder, userFile.id], [user, guestFile.id], [owner, "no-such-file"]] as const) {
      expect(await refusal(streamDocumentSummary(context(actor, { model }), { tool: "ai.summarize", fileId, options: {} }))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(model.doStreamCalls).toHaveLength(0);
    for (const actor of [owner, user, intruder]) expect(await aiTokensOf(actor)).toBe(0);
  });

  it("answers CONFLICT while the document is being prepared, and UNPROCESSABLE when preparing it failed", async () => {
    const actor = newGuest();
    const fresh = await upload(actor, "report.pdf", reportPdf());
    const started = await upload(actor, "scan.pdf", reportPdf());
    await db.document.create({ data: { fileId: started.id, status: "extracting", progress: 40 } });
    for (const file of [fresh, started]) {
      expect(await refusal(streamDocumentSummary(context(actor), { tool: "ai.summarize", fileId: file.id, options: {} }))).toEqual({
        code: "CONFLICT",
        message: `“${file.name}” is still being prepared. Wait until its text has been read, then run again.`,
      });
    }
    const broken = await upload(actor, "broken.pdf", reportPdf());
    await db.document.create({ data: { fileId: broken.id, status: "failed", error: "This PDF is encrypted." } });
    expect(await refusal(streamDocumentSummary(context(actor), { tool: "ai.summarize", fileId: broken.id, options: {} }))).toEqual({
      code: "UNPROCESSABLE",
      message: "“broken.pdf” could not be prepared: This PDF is encrypted.",
    });
  });

  it("refuses when the daily AI token quota is used up, before calling the model", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "notes.txt", "The meeting is on Tuesday in room 4.");
    await db.usageEvent.create({ data: { guestId: actor.kind === "guest" ? actor.guestId : null, kind: "AI_TOKENS", amount: 20_000 } });
    const model = scriptedStreamModel(textParts("Too late [p. 1].", usage(10, 5)));
    expect(await refusal(streamDocumentSummary(context(actor, { model }), { tool: "ai.summarize", fileId: file.id, options: {} }))).toEqual({
      code: "QUOTA_EXCEEDED",
      message: "Daily limit reached: 20,000 AI tokens. Resets at 00:00 UTC. Sign up for higher limits.",
    });
    expect(model.doStreamCalls).toHaveLength(0);
  });

  it("answers BAD_REQUEST for options the tool does not take", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "notes.txt", "The meeting is on Tuesday in room 4.");
    const invalid = await refusal(streamDocumentSummary(context(actor), { tool: "ai.summarize", fileId: file.id, options: { length: "epic" } }));
    expect(invalid).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Invalid option “length”: /) });
    const keyPoints = await refusal(streamDocumentSummary(context(actor), { tool: "ai.key-points", fileId: file.id, options: { length: 5 } }));
    expect(keyPoints).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Invalid option “length”: /) });
  });

  it("answers BAD_REQUEST for a file that is not a document, such as a job's zip", async () => {
    const actor = newGuest();
    const zip = await db.file.create({
      data: { guestId: actor.kind === "guest" ? actor.guestId : null, storageKey: createStorageKey(), name: "summaries.zip", size: 100, mimeType: "application/zip", sha256: "x", expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await refusal(streamDocumentSummary(context(actor), { tool: "ai.summarize", fileId: zip.id, options: {} }))).toEqual({
      code: "BAD_REQUEST",
      message: "“summaries.zip” is not a PDF, text file or image, so its summary cannot be written.",
    });
  });
});

describe("a prepared document's notes", () => {
  it("say which pages fit when the document is longer than one request takes", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "report.pdf", reportPdf());
    const model = scriptedStreamModel(textParts("Short [p. 1].", usage(10, 5)));
    const { notes } = await summarize(actor, { fileId: file.id }, { model, maxContextChars: 1_200 });
    expect(notes).toEqual(["Only pages 1–4 of 11 fit in one request; the rest was not read.", "Not read: page 11 has no text layer."]);
  });
});
