import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";

/** A real multipart/form-data body, as a browser would send it. */
export function multipartBody(files: { name: string; bytes: Uint8Array | string; field?: string }[]) {
  const form = new FormData();
  for (const file of files) {
    const bytes = typeof file.bytes === "string" ? new TextEncoder().encode(file.bytes) : file.bytes;
    form.append(file.field ?? "file", new Blob([new Uint8Array(bytes)]), file.name);
  }
  const request = new Request("http://localhost/api/files", { method: "POST", body: form });
  if (!request.body) throw new Error("no body");
  return {
    contentType: request.headers.get("content-type"),
    body: Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>),
  };
}
