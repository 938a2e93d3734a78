import type { LanguageModelV4 } from "@ai-sdk/provider";
import { callCompletionApi } from "ai";
import { describe, expect, it } from "vitest";
import { readChatError } from "@/components/chat/read-chat-error";
import { decodeSummaryNotes, SUMMARY_NOTES_HEADER } from "@/shared/summary-notes-header";
import { createLanguageModel } from "@/server/ai/create-ai-models";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { toErrorResponse } from "@/server/http/to-error-response";
import { logger } from "@/server/logger";
import { type DocumentSummaryRequest, streamDocumentSummary } from "./stream-document-summary";
import { newGuest, scriptedStreamModel, upload, uploadPrepared } from "~/test/support/ai-summary-setup";

// What the tool page's useCompletion makes of the service's answers:
// callCompletionApi is the function useCompletion runs for each request
// (default "data" protocol), here with a fetch that answers as the route does.

function routeFetch(actor: Actor, model: LanguageModelV4, seen: { notes: string[] }) {
  return async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as DocumentSummaryRequest;
    const response = await streamDocumentSummary({ db, actor, log: logger, model }, body).catch((error: unknown) => toErrorResponse(error));
    seen.notes = decodeSummaryNotes(response.headers.get(SUMMARY_NOTES_HEADER));
    return response;
  };
}

/** One Run as the page does it: the completion as shown, and the sentence its error alert would show. */
async function runOnPage(actor: Actor, model: LanguageModelV4, body: DocumentSummaryRequest) {
  let completion = "";
  let error: Error | undefined;
  let finished = false;
  const seen = { notes: [] as string[] };
  await callCompletionApi({
    api: "/api/ai/summary",
    prompt: "",
    body,
    credentials: undefined,
    headers: undefined,
    streamProtocol: "data",
    fetch: routeFetch(actor, model, seen),
    setCompletion: (text) => void (completion = text),
    setLoading: () => undefined,
    setError: (value) => void (error = value),
    setAbortController: () => undefined,
    onFinish: () => void (finished = true),
    onError: undefined,
  });
  return { completion, finished, shownError: error ? readChatError(error) : null, notes: seen.notes };
}

describe("the summary stream as useCompletion reads it", () => {
  it("shows the text as it comes and finishes, with the notes from the header", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "notes.txt", "The meeting is on Tuesday in room 4. Bring the signed budget. Lunch is provided.");
    const offline = createLanguageModel({ OPENAI_MODEL: "unused" }, "summarize");
    const run = await runOnPage(actor, offline, { tool: "ai.key-points", fileId: file.id, options: { length: "short" } });
    expect(run).toMatchObject({ finished: true, shownError: null });
    expect(run.completion).toContain("- The meeting is on Tuesday in room 4. [p. 1]");
    expect(run.notes[0]).toMatch(/^Offline mode: /);
  });

  it("keeps the text so far and shows the provider's failure as a sentence", async () => {
    const actor = newGuest();
    const file = await uploadPrepared(actor, "notes.txt", "The meeting is on Tuesday in room 4.");
    const failing = scriptedStreamModel([
      { type: "stream-start", warnings: [] },
      { type: "text-start", id: "t" },
      { type: "text-delta", id: "t", delta: "The meeting " },
      { type: "error", error: { error: { code: "insufficient_quota", message: "You exceeded your current quota" } } },
    ]);
    const run = await runOnPage(actor, failing, { tool: "ai.summarize", fileId: file.id, options: {} });
    expect(run).toEqual({
      completion: "The meeting ",
      finished: false,
      shownError: "The AI provider account has no credit left. Check the plan and billing of the OPENAI_API_KEY account.",
      notes: [],
    });
  });

  it("shows a refusal before streaming as the server's own sentence", async () => {
    const actor = newGuest();
    const file = await upload(actor, "report.txt", "Not prepared yet, so no summary yet.");
    const offline = createLanguageModel({ OPENAI_MODEL: "unused" }, "summarize");
    const run = await runOnPage(actor, offline, { tool: "ai.summarize", fileId: file.id, options: {} });
    expect(run).toMatchObject({ completion: "", finished: false, shownError: "“report.txt” is still being prepared. Wait until its text has been read, then run again." });
  });
});
