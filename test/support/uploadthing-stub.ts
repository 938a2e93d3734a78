import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback stand-in for UploadThing's three services (API, ingest, file CDN),
 * so tests run the real UTApi and see the HTTP it sends. It records every
 * request, checks the api key and URL signatures the way UploadThing does, and
 * answers in the shapes UTApi's response schemas require.
 */
export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; body: Uint8Array };
export type StubFile = { key: string; customId: string | null; name: string; size: number; type: string; status: string; uploadedAt: number; bytes: Uint8Array };

const API_KEY = "sk_test_fileforge_stub";
const APP_ID = "stubapp";

function hasValidSignature(href: string): boolean {
  const at = href.lastIndexOf("&signature=hmac-sha256%3D");
  if (at < 0) return false;
  const given = Buffer.from(href.slice(at + "&signature=hmac-sha256%3D".length), "hex");
  const expected = createHmac("sha256", API_KEY).update(href.slice(0, at)).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads a body only to count it: large-upload tests must not measure the stub's own buffering. */
async function countBody(req: IncomingMessage): Promise<number> {
  let size = 0;
  for await (const chunk of req) size += (chunk as Uint8Array).byteLength;
  return size;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * `discardUploads`: ingest PUTs are counted, not kept (the file is recorded
 * with `size` = bytes received, multipart framing included, and no bytes).
 */
export async function startUploadThingStub(options: { maxPageSize?: number; discardUploads?: boolean } = {}) {
  const requests: RecordedRequest[] = [];
  const files: StubFile[] = [];
  const failures = new Set<string>();
  let origin = "";

  async function respond(req: IncomingMessage, recorded: RecordedRequest): Promise<[number, unknown]> {
    const { method, path, query } = recorded;
    const href = `${origin}${req.url ?? ""}`;
    if (failures.has(path.split("/")[1] ?? "")) return [500, { error: "stub failure" }];
    if (method === "PUT" && path.startsWith("/ingest/")) {
      if (!hasValidSignature(href)) return [403, { error: "bad signature" }];
      if (options.discardUploads) {
        const key = path.slice("/ingest/".length);
        const customId = query.get("x-ut-custom-id");
        files.push({ key, customId: customId && decodeURIComponent(customId), name: "", size: await countBody(req), type: "", status: "Uploaded", uploadedAt: Date.now(), bytes: new Uint8Array(0) });
        const url = `${origin}/a/${APP_ID}/${key}`;
        return [200, { url, appUrl: url, ufsUrl: url, fileHash: "stub" }];
      }
      const form = await new Request(href, { method, headers: { "content-type": String(req.headers["content-type"]) }, body: Buffer.from(recorded.body) }).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return [400, { error: "no file" }];
      const key = path.slice("/ingest/".length);
      const customId = query.get("x-ut-custom-id");
      files.push({ key, customId: customId && decodeURIComponent(customId), name: decodeURIComponent(query.get("x-ut-file-name") ?? ""), size: file.size, type: file.type, status: "Uploaded", uploadedAt: Date.now(), bytes: new Uint8Array(await file.arrayBuffer()) });
      const url = `${origin}/a/${APP_ID}/${key}`;
      return [200, { url, appUrl: url, ufsUrl: url, fileHash: "stub" }];
    }
    // HEAD is how the driver stats one file by customId (UFS answers it like a GET, without the body).
    if ((method === "GET" || method === "HEAD") && path.startsWith(`/a/${APP_ID}/`)) {
      if (!hasValidSignature(href)) return [403, { error: "bad signature" }];
      const id = path.slice(`/a/${APP_ID}/`.length);
      const file = files.find((candidate) => candidate.status === "Uploaded" && (candidate.key === id || candidate.customId === id));
      return file ? [200, file.bytes] : [404, { error: "not found" }];
    }
    if (method !== "POST" || req.headers["x-uploadthing-api-key"] !== API_KEY) return [401, { error: "unauthorized" }];
    const json: unknown = JSON.parse(Buffer.from(recorded.body).toString("utf8"));
    const input = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
    if (path === "/api/v6/listFiles") {
      const offset = Number(input.offset ?? 0);
      const limit = Math.min(Number(input.limit ?? 500), options.maxPageSize ?? Infinity);
      const page = files.slice(offset, offset + limit).map(({ bytes: _bytes, type: _type, ...listed }) => ({ ...listed, id: listed.key }));
      return [200, { files: page, hasMore: offset + limit < files.length }];
    }
    if (path === "/api/v6/deleteFiles") {
      const customIds = Array.isArray(input.customIds) ? input.customIds : [];
      const before = files.length;
      files.splice(0, files.length, ...files.filter((file) => !customIds.includes(file.customId)));
      return [200, { success: true, deletedCount: before - files.length }];
    }
    return [404, { error: `no route ${path}` }];
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", origin);
      const streamed = options.discardUploads && req.method === "PUT";
      const recorded = { method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, body: streamed ? new Uint8Array(0) : await readBody(req) };
      requests.push(recorded);
      const [status, payload] = await respond(req, recorded);
      const bytes = payload instanceof Uint8Array;
      const body = bytes ? payload : JSON.stringify(payload);
      const file = bytes ? files.find((candidate) => candidate.bytes === payload) : undefined;
      res.writeHead(status, {
        "content-type": bytes ? "application/octet-stream" : "application/json",
        "content-length": Buffer.byteLength(body),
        ...(file ? { "last-modified": new Date(file.uploadedAt).toUTCString() } : {}),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://localhost:${port}`;

  return {
    apiKey: API_KEY,
    appId: APP_ID,
    token: Buffer.from(JSON.stringify({ apiKey: API_KEY, appId: APP_ID, regions: ["stub1"] })).toString("base64"),
    /** UTApi options that send everything here; `localhost` makes UTApi build http:// file URLs. */
    utapiOptions: { apiUrl: `${origin}/api`, ingestUrl: `${origin}/ingest`, ufsHost: `localhost:${port}`, ufsAppIdLocation: "path", logLevel: "None" } as const,
    requests,
    files,
    /** Makes every request to one service (`api`, `ingest` or `a`) answer 500. */
    fail: (service: "api" | "ingest" | "a") => failures.add(service),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
