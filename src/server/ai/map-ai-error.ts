import "server-only";
import { APICallError, RetryError } from "ai";

export type AiErrorCode =
  | "auth"
  | "rate-limit"
  | "quota"
  | "context-length"
  | "model-not-found"
  | "network"
  | "provider-error"
  | "bad-request"
  | "aborted"
  | "unknown";

export type MappedAiError = { code: AiErrorCode; message: string; status?: number; retryAfterSeconds?: number };

type Detail = { code?: string; message?: string };

/** The provider's own error code and message: from a failed response body, or from an error part mid-stream. */
function detailOf(error: unknown): Detail {
  const data = APICallError.isInstance(error) ? error.data : error;
  const inner = typeof data === "object" && data !== null && "error" in data ? (data as { error: unknown }).error : data;
  if (typeof inner !== "object" || inner === null) return {};
  const { code, message } = inner as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    ...(typeof message === "string" ? { message } : {}),
  };
}

/** Seconds from `retry-after-ms`, or `retry-after` as seconds or an HTTP date. */
function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  const ms = Number(headers?.["retry-after-ms"]);
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000);
  const value = headers?.["retry-after"];
  if (!value) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

/** The server's base URL from a request URL, without the endpoint and without any credentials. */
function baseUrlOf(requestUrl: string): string {
  try {
    const url = new URL(requestUrl);
    url.username = "";
    url.password = "";
    return `${url.origin}${url.pathname.replace(/\/(chat\/completions|responses|embeddings|completions)$/, "")}`;
  } catch {
    return "the configured address";
  }
}

/** The error that explains the failure: the last attempt of a retry, or the API error a wrapper carries. */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    if (RetryError.isInstance(current)) current = current.lastError;
    else if (!APICallError.isInstance(current) && current instanceof Error && APICallError.isInstance(current.cause)) current = current.cause;
    else return current;
  }
  return current;
}

const CONTEXT_LENGTH = /context[_ ]length|maximum context|context window|too many tokens|prompt is too long|exceeds? the (?:model'?s? )?(?:max|limit)/i;

/**
 * Any AI SDK failure as `{ code, message }` a person can act on. Pass the
 * configured base URL for network errors; without it, it is read from the failed request.
 */
export function mapAiError(error: unknown, context: { baseUrl?: string } = {}): MappedAiError {
  const cause = rootCause(error);
  if (cause instanceof Error && cause.name === "AbortError") return { code: "aborted", message: "The request was cancelled." };
  const { code, message: providerMessage } = detailOf(cause);
  const status = APICallError.isInstance(cause) ? cause.statusCode : undefined;
  const withStatus = status === undefined ? {} : { status };

  if (APICallError.isInstance(cause) && status === undefined) {
    const baseUrl = context.baseUrl ?? baseUrlOf(cause.url);
    return { code: "network", message: `Could not reach the AI server at ${baseUrl}. Check that it is running and that FileForge can reach it.` };
  }
  if (status === 401 || status === 403 || code === "invalid_api_key") {
    return { code: "auth", message: "The AI provider rejected the API key. Check OPENAI_API_KEY.", ...withStatus };
  }
  if (code === "insufficient_quota") {
    return { code: "quota", message: "The AI provider account has no credit left. Check the plan and billing of the OPENAI_API_KEY account.", ...withStatus };
  }
  if (status === 429 || code === "rate_limit_exceeded") {
    const seconds = APICallError.isInstance(cause) ? retryAfterSeconds(cause.responseHeaders) : undefined;
    const when = seconds === undefined ? "in a minute" : `in ${seconds} second${seconds === 1 ? "" : "s"}`;
    const retry = seconds === undefined ? {} : { retryAfterSeconds: seconds };
    return { code: "rate-limit", message: `The AI provider is limiting how fast FileForge may send requests. Try again ${when}.`, ...withStatus, ...retry };
  }
  if (code === "context_length_exceeded" || ((status === undefined || status === 400 || status === 413) && CONTEXT_LENGTH.test(providerMessage ?? ""))) {
    return {
      code: "context-length",
      message: "This is more text than the model accepts at once. Ask about fewer pages, shorten the conversation, or use a model with a larger context window.",
      ...withStatus,
    };
  }
  if (status === 404 || code === "model_not_found") {
    return { code: "model-not-found", message: "The AI server does not know the configured model. Check OPENAI_MODEL.", ...withStatus };
  }
  if (status !== undefined && status >= 500) {
    return { code: "provider-error", message: `The AI provider had a problem (HTTP ${status}). Try again in a moment.`, status };
  }
  if (status !== undefined) {
    return { code: "bad-request", message: `The AI provider refused the request: ${providerMessage ?? `HTTP ${status}`}`, status };
  }
  return { code: "unknown", message: "Something went wrong while talking to the AI provider. Try again in a moment." };
}

/**
 * What to log about a failed model call. Never the error object itself: the
 * SDK's APICallError carries the request body (`requestBodyValues`), which is
 * the user's document text, and logs are not where documents may end up.
 */
export function describeAiFailure(error: unknown): { aiError: MappedAiError; cause: string } {
  return { aiError: mapAiError(error), cause: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/**
 * A failure a retry may fix (rate limit, network, a 5xx), rethrown for the
 * job runner without the SDK error and the document text it carries.
 */
export class RetriableAiError extends Error {
  constructor(readonly mapped: MappedAiError) {
    super(mapped.message);
    this.name = "RetriableAiError";
  }
}
