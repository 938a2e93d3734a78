import { z } from "zod";
import { readUploadTarget } from "./read-upload-target";

const uploadedFileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  mimeType: z.string(),
  expiresAt: z.coerce.date().nullable(),
  /** A PDF that needs a password; tools other than Unlock refuse it. Older answers leave it out. */
  encrypted: z.boolean().optional(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A failed upload with a message a person can read; `retryable` is false when sending it again cannot help. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

function fallbackMessage(name: string, status: number): string {
  if (status === 413) return `“${name}” is too large to upload.`;
  if (status === 415) return `“${name}” is not a file type FileForge supports.`;
  if (status === 0) return "The upload was interrupted. Check your connection and try again.";
  return "The upload failed on our side. Try again.";
}

function toUploadError(name: string, xhr: XMLHttpRequest): UploadError {
  let message = fallbackMessage(name, xhr.status);
  try {
    const body = errorBodySchema.safeParse(JSON.parse(xhr.responseText));
    if (body.success) message = body.data.error.message;
  } catch {
    // Not JSON (e.g. a proxy's error page): keep the fallback.
  }
  // Too large, wrong type or a malformed request fail the same way every time.
  const retryable = xhr.status === 0 || xhr.status === 429 || xhr.status >= 500;
  return new UploadError(message, xhr.status, retryable);
}

/**
 * Uploads one file to POST /api/files with XMLHttpRequest, which (unlike fetch)
 * reports upload progress. `onProgress` gets 0..100 for the bytes sent.
 * Rejects with UploadError, or with an AbortError when `signal` aborts.
 */
export function uploadFile(file: File, opts: { onProgress: (percent: number) => void; signal: AbortSignal }): Promise<UploadedFile> {
  if (readUploadTarget() === "uploadthing") {
    // Loaded on demand: UploadThing's client and Effect weigh ~330 KB, which
    // deployments storing files locally should never download.
    return import("./upload-via-uploadthing").then(({ uploadViaUploadThing }) => uploadViaUploadThing(file, opts)).catch((error: unknown) => {
      if (opts.signal.aborted) throw new DOMException("The upload was canceled.", "AbortError");
      throw new UploadError(error instanceof Error ? error.message : "The upload failed. Try again.", 400, false);
    });
  }
  return new Promise((resolve, reject) => {
    if (opts.signal.aborted) return reject(new DOMException("The upload was canceled.", "AbortError"));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/files");
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) opts.onProgress(Math.round((100 * event.loaded) / event.total));
    };
    xhr.onload = () => {
      if (xhr.status !== 201) return reject(toUploadError(file.name, xhr));
      const body = z.array(uploadedFileSchema).safeParse(JSON.parse(xhr.responseText));
      const uploaded = body.success ? body.data[0] : undefined;
      if (!uploaded) return reject(new UploadError("The server sent an unexpected answer. Try again.", xhr.status, true));
      resolve(uploaded);
    };
    xhr.onerror = () => reject(toUploadError(file.name, xhr));
    xhr.onabort = () => reject(new DOMException("The upload was canceled.", "AbortError"));
    opts.signal.addEventListener("abort", () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append("file", file, file.name);
    xhr.send(body);
  });
}
