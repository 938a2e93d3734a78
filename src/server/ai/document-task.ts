import "server-only";

// What a caller asks a model to do with documents. Real models read it from the
// system prompt; the offline model reads the same marker line, or (preferred,
// because it cannot be confused with prose) `providerOptions.fileforgeOffline`.

export const DOCUMENT_TASKS = ["summarize", "key-points", "answer", "extract", "translate", "write"] as const;
export type DocumentTask = (typeof DOCUMENT_TASKS)[number];

export const SUMMARY_LENGTHS = ["short", "medium", "long"] as const;
export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];

/** How many sentences (summaries) or bullets (key points) each length means, for every model. */
export const ITEMS_PER_LENGTH: Record<SummaryLength, number> = { short: 3, medium: 5, long: 8 };

/** The provider-options key the offline model reads; real providers ignore unknown keys. */
export const OFFLINE_OPTIONS_KEY = "fileforgeOffline";

export type OfflineTaskOptions = { task: DocumentTask; length?: SummaryLength };

/** `providerOptions` for generateText/streamText that tell the offline model the task. */
export function offlineProviderOptions(options: OfflineTaskOptions): Record<string, OfflineTaskOptions> {
  return { [OFFLINE_OPTIONS_KEY]: options };
}

/** The line at the end of every FileForge system prompt, e.g. `FileForge task: summarize (length: short)`. */
export function taskMarker({ task, length }: OfflineTaskOptions): string {
  return length ? `FileForge task: ${task} (length: ${length})` : `FileForge task: ${task}`;
}

const MARKER = /^FileForge task: ([a-z-]+)(?: \(length: ([a-z]+)\))?$/m;

function isTask(value: string | undefined): value is DocumentTask {
  return (DOCUMENT_TASKS as readonly string[]).includes(value ?? "");
}

function isLength(value: string | undefined): value is SummaryLength {
  return (SUMMARY_LENGTHS as readonly string[]).includes(value ?? "");
}

/** The task named by a marker line in a system prompt, if any. */
export function parseTaskMarker(systemPrompt: string): OfflineTaskOptions | undefined {
  const match = MARKER.exec(systemPrompt);
  if (!match || !isTask(match[1])) return undefined;
  return isLength(match[2]) ? { task: match[1], length: match[2] } : { task: match[1] };
}

export function parseOfflineTaskOptions(value: unknown): OfflineTaskOptions | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { task, length } = value as { task?: unknown; length?: unknown };
  if (typeof task !== "string" || !isTask(task)) return undefined;
  return typeof length === "string" && isLength(length) ? { task, length } : { task };
}

/** Operator instructions appended to limitations; only admins are shown them (see withoutOperatorHints). */
export const ENABLE_HINT = "Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama) and restart FileForge.";

/** What the offline provider says for work only a language model can do. */
export const NEEDS_LANGUAGE_MODEL = {
  translate: `Translation needs a language model. ${ENABLE_HINT}`,
  write: `Free writing needs a language model. ${ENABLE_HINT}`,
  extract: `Offline mode extracts only dates, amounts and email addresses; other fields need a language model. ${ENABLE_HINT}`,
} as const;
