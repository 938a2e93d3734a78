import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type DiskFile = { path: string; size: number; name: string; type: string };

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => (record[name] = value));
  return record;
}

/**
 * PUTs a file from disk as a one-field `multipart/form-data` body (field
 * "file"), the shape UploadThing's ingest expects, and answers with a web
 * Response. node:http rather than fetch on purpose: Node's fetch reads a
 * request body ahead without backpressure (a 512 MiB upload held 512 MiB of
 * buffers in tests), node:http's pipeline holds a few chunks at a time.
 */
export async function putMultipartFromDisk(url: URL, file: DiskFile, init: { headers?: HeadersInit; signal?: AbortSignal | null }): Promise<Response> {
  const boundary = `----fileforge${randomBytes(12).toString("hex")}`;
  const safeName = file.name.replace(/["\r\n\\]/g, "_");
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${file.type || "application/octet-stream"}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers = headerRecord(init.headers);
  headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
  headers["content-length"] = String(head.length + file.size + tail.length);

  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const req = send(url, { method: "PUT", headers, signal: init.signal ?? undefined });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.once("response", resolve);
    req.once("error", reject);
  });
  async function* body() {
    yield head;
    yield* createReadStream(file.path);
    yield tail;
  }
  // The server may answer (an error, say) before taking the whole body; the answer wins then.
  const sent = pipeline(Readable.from(body()), req);
  const response = await Promise.race([answered, sent.then(() => answered)]);
  sent.catch(() => undefined);
  const status = response.statusCode ?? 500;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const responseBody = NULL_BODY_STATUSES.has(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
  return new Response(responseBody, { status, statusText: response.statusMessage, headers: responseHeaders });
}
