"use client";

import { useCompletion } from "@ai-sdk/react";
import { useCallback, useState } from "react";
import { readChatError } from "@/components/chat/read-chat-error";
import { decodeSummaryNotes, SUMMARY_NOTES_HEADER } from "@/shared/summary-notes-header";
import type { StreamPhase } from "./stream-state";

export type ResultStreamRequest = { tool: string; fileId: string; options: Record<string, unknown> };

// Redraws at most this often: enough for text to flow, without re-parsing citations for every token.
const THROTTLE_MS = 50;

/**
 * One document's summary or key points from POST /api/ai/summary, as it is
 * written. useCompletion reads the UI message stream ("data" protocol): text
 * deltas become `text`, an error chunk mid-stream and a JSON error answer
 * (`{ error: { message } }`) both become `error` as a sentence. The notes
 * come in a response header, which only our own fetch gets to see.
 */
export function useResultStream() {
  const [phase, setPhase] = useState<StreamPhase>("idle");
  const [notes, setNotes] = useState<string[]>([]);
  const fetchWithNotes = useCallback(async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    if (response.ok) setNotes(decodeSummaryNotes(response.headers.get(SUMMARY_NOTES_HEADER)));
    return response;
  }, []);
  // Stable callbacks keep `complete` stable, so the effect that starts a run does not start it twice.
  const onFinish = useCallback(() => setPhase("done"), []);
  const onError = useCallback(() => setPhase("error"), []);
  const completion = useCompletion({ api: "/api/ai/summary", fetch: fetchWithNotes, throttle: THROTTLE_MS, onFinish, onError });
  const { complete, stop: abort } = completion;

  const start = useCallback(
    (request: ResultStreamRequest) => {
      setNotes([]);
      setPhase("streaming");
      // The prompt is unused: the tool and its options say what to write.
      void complete("", { body: request });
    },
    [complete],
  );
  /** Stop pressed: the model call ends (the request's signal), the text so far stays. */
  const stop = useCallback(() => {
    setPhase("stopped");
    abort();
  }, [abort]);

  return {
    phase,
    text: completion.completion,
    notes,
    error: phase === "error" && completion.error ? readChatError(completion.error) : null,
    start,
    stop,
    /** Ends the request without changing what is shown, e.g. when the panel goes away. */
    abort,
  };
}
