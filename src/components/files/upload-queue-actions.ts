import { type QueueItem, useToolSessionStore } from "@/stores/tool-session-store";
import { deleteFile } from "./delete-file";
import { fileTypeLabel, listFileTypes } from "./describe-file-type";
import { formatBytes } from "@/shared/format-bytes";
import { UploadError, uploadFile } from "./upload-file";

/** What the current tool takes: checked in the browser to fail fast, and again by the server. */
export type UploadRules = {
  toolTitle: string;
  accepts: readonly string[];
  maxFiles: number;
  maxFileBytes: number;
  /** Resolves when the server knows the visitor, so parallel uploads share one owner. */
  ensureIdentity: () => Promise<void>;
};

// In-flight uploads, so removing a file or leaving the page stops its request.
const controllers = new Map<string, AbortController>();
const store = () => useToolSessionStore.getState();

function notAccepted(name: string, mimeType: string, rules: UploadRules): string {
  return `“${name}” is a ${fileTypeLabel(mimeType)} file; ${rules.toolTitle} takes ${listFileTypes(rules.accepts)} files.`;
}

/** A reason to refuse the file before sending it, or null. The browser's type is a guess, so only a known mismatch counts. */
function precheck(file: File, rules: UploadRules): string | null {
  if (file.size > rules.maxFileBytes) return `“${file.name}” is larger than your ${formatBytes(rules.maxFileBytes)} limit per file.`;
  if (file.type && !rules.accepts.includes(file.type)) return notAccepted(file.name, file.type, rules);
  return null;
}

async function startUpload(key: string, file: File, rules: UploadRules) {
  const controller = new AbortController();
  controllers.set(key, controller);
  store().updateItem(key, { status: "uploading", progress: 0, error: null });
  try {
    await rules.ensureIdentity();
    if (controller.signal.aborted) return;
    const uploaded = await uploadFile(file, { signal: controller.signal, onProgress: (progress) => store().updateItem(key, { progress }) });
    if (!rules.accepts.includes(uploaded.mimeType)) {
      // Stored but useless here (the server sniffed another type): don't leave it behind.
      void deleteFile(uploaded.id).catch(() => undefined);
      store().updateItem(key, { status: "failed", error: notAccepted(file.name, uploaded.mimeType, rules), retryable: false });
      return;
    }
    store().updateItem(key, { status: "uploaded", progress: 100, uploaded });
  } catch (error) {
    if (controller.signal.aborted) return;
    const message = error instanceof UploadError ? error.message : "The upload failed. Try again.";
    store().updateItem(key, { status: "failed", error: message, retryable: error instanceof UploadError ? error.retryable : true });
  } finally {
    if (controllers.get(key) === controller) controllers.delete(key);
  }
}

/**
 * Adds picked or dropped files to the queue and uploads each at once. Returns
 * how many were left out because the tool takes no more files.
 */
export function enqueueFiles(files: readonly File[], rules: UploadRules): number {
  const current = store().items;
  // A one-file tool swaps its file rather than refusing the new one.
  if (rules.maxFiles === 1 && files.length > 0) current.forEach((item) => removeQueuedFile(item.key));
  const room = rules.maxFiles === 1 ? 1 : Math.max(0, rules.maxFiles - current.length);
  const taken = files.slice(0, room);
  const items: QueueItem[] = taken.map((file) => {
    const error = precheck(file, rules);
    return { key: crypto.randomUUID(), file, status: error ? "failed" : "uploading", progress: 0, error, retryable: false, uploaded: null };
  });
  store().addItems(items);
  for (const item of items) if (!item.error) void startUpload(item.key, item.file, rules);
  return files.length - taken.length;
}

export function retryUpload(key: string, rules: UploadRules) {
  const item = store().items.find((candidate) => candidate.key === key);
  if (item) void startUpload(key, item.file, rules);
}

/** Takes a file off the queue: stops its upload, or deletes the stored copy. */
export function removeQueuedFile(key: string) {
  const item = store().items.find((candidate) => candidate.key === key);
  controllers.get(key)?.abort();
  controllers.delete(key);
  store().removeItem(key);
  if (item?.uploaded) void deleteFile(item.uploaded.id).catch(() => undefined);
}

/** Stops every upload and empties the page; stored files are left alone (they expire or are deleted explicitly). */
export function clearToolSession() {
  for (const controller of controllers.values()) controller.abort();
  controllers.clear();
  store().reset();
}
