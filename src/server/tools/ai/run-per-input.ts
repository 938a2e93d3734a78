import "server-only";
import { AISDKError } from "ai";
import { mapAiError, RetriableAiError } from "@/server/ai/map-ai-error";
import { formatCount, isToolInputError, ToolInputError } from "../tool-error";
import type { ToolInputFile, ToolOutputFile, ToolProgress } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { type InputPassages, readInputPassages } from "./ai-tool-support";

type Run = { inputs: readonly ToolInputFile[]; progress: ToolProgress; signal: AbortSignal };

/**
 * Reads each input and hands it to `work` (one model call or a few), one file
 * at a time so a batch never holds every document in memory. Several results
 * become one zip named `zipName`.
 */
export async function runPerInput(
  run: Run,
  zipName: string,
  work: (input: InputPassages, report: (step: string) => void) => Promise<ToolOutputFile>,
): Promise<ToolOutputFile[]> {
  const outputs: ToolOutputFile[] = [];
  const share = 95 / run.inputs.length;
  for (const [index, input] of run.inputs.entries()) {
    run.signal.throwIfAborted();
    const start = index * share;
    const passages = await readInputPassages(input, { progress: run.progress, signal: run.signal, from: start, to: start + share * 0.4 });
    outputs.push(await work(passages, (step) => run.progress({ percent: start + share * 0.5, step })).catch(explainAiError));
  }
  run.progress({ percent: 98, step: `Finished ${formatCount(run.inputs.length, "document")}` });
  return zipOutputsIfMany(outputs, zipName);
}

// Failures a retry cannot fix (bad key, unknown model, too much text) end the
// job at once with the provider's problem in plain words; rate limits, network
// and server errors are thrown on, so the job runner retries them: as a plain
// error with the provider's problem in words, because the SDK's error carries
// the request body (the document's text) into whatever logs it.
const FINAL = new Set(["auth", "quota", "context-length", "model-not-found", "bad-request"]);

function explainAiError(error: unknown): never {
  // Our own readable errors, cancellation and bugs pass through as they are.
  if (isToolInputError(error) || !AISDKError.isInstance(error)) throw error;
  const mapped = mapAiError(error);
  if (FINAL.has(mapped.code)) throw new ToolInputError(mapped.message);
  throw new RetriableAiError(mapped);
}
