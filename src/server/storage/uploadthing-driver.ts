import "server-only";
import { openAsBlob } from "node:fs";
import { Readable } from "node:stream";
import { UTApi, UTFile } from "uploadthing/server";
import { assertValidStorageKey } from "./create-storage-key";
import { fileNameOf, toCustomId, toListedObject } from "./map-uploadthing-file";
import { iterateWebStream } from "./measure-body";
import { putMultipartFromDisk, type DiskFile } from "./put-multipart-from-disk";
import { spoolToDisk } from "./spool-to-disk";
import { StorageNotFoundError, type StorageDriver } from "./types";

/** UTApi's options besides the token: URL overrides (tests point them at a local server), log level. */
export type UploadThingDriverOptions = Omit<NonNullable<ConstructorParameters<typeof UTApi>[0]>, "token" | "defaultKeyType">;
type FetchEsque = NonNullable<UploadThingDriverOptions["fetch"]>;

// listFiles has no filter, so list pages through everything.
const LIST_PAGE_SIZE = 500;
// Long enough to start a download; the URL never leaves the server.
const SIGNED_URL_TTL_SECONDS = 300;

/**
 * Objects in UploadThing, addressed by customId (see toCustomId). Keys are
 * write-once here: UploadThing does not enforce unique customIds, and reusing
 * one after a delete is known to fail, which fresh random keys never do.
 */
export function createUploadThingDriver(token: string, options: UploadThingDriverOptions = {}): StorageDriver {
  // Uploads in flight by customId: UTApi builds and signs the ingest request,
  // and this fetch sends its body from the spool file instead of the FormData
  // UTApi made (Node's fetch would buffer all of it; see putMultipartFromDisk).
  const uploadsInFlight = new Map<string, DiskFile>();
  const baseFetch = options.fetch ?? globalThis.fetch;
  const fetchWithDiskUploads: FetchEsque = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const customId = url.searchParams.get("x-ut-custom-id");
    const file = init?.method === "PUT" && customId !== null ? uploadsInFlight.get(decodeURIComponent(customId)) : undefined;
    return file ? putMultipartFromDisk(url, file, init ?? {}) : baseFetch(input, init);
  };
  const utapi = new UTApi({ ...options, token, fetch: fetchWithDiskUploads });

  /** GET through a short-lived signed URL, so private (ACL) files work too. */
  async function fetchObject(key: string): Promise<Response> {
    const { ufsUrl } = await utapi.generateSignedURL(toCustomId(key), { expiresIn: SIGNED_URL_TTL_SECONDS });
    const response = await fetch(ufsUrl);
    if (response.status === 404) throw new StorageNotFoundError(key);
    if (!response.ok) throw new Error(`UploadThing answered ${response.status} when reading ${key}.`);
    return response;
  }

  async function* listObjects(): AsyncGenerator<{ key: string; size: number; modifiedAt: Date }> {
    // Offset paging can skip a file when others are deleted meanwhile; the
    // sweep that uses this runs hourly and catches it next time.
    // The offset advances by what came back, in case the API caps the page size.
    for (let offset = 0; ; ) {
      const page = await utapi.listFiles({ limit: LIST_PAGE_SIZE, offset });
      for (const file of page.files) {
        const listed = toListedObject(file);
        if (listed) yield listed;
      }
      if (!page.hasMore || page.files.length === 0) return;
      offset += page.files.length;
    }
  }

  return {
    name: "uploadthing",

    async write(key, body, { maxBytes, contentType, signal }) {
      const customId = toCustomId(key);
      // UploadThing's ingest takes whole, sized files. Spooling to disk through
      // the meter enforces the limit as bytes arrive (an oversized body never
      // reaches the network) and keeps memory flat: the upload streams from the
      // spool file, so a 2 GB upload never holds 2 GB of RAM.
      const spooled = await spoolToDisk(body, maxBytes, signal);
      const name = fileNameOf(key);
      const type = contentType ?? "application/octet-stream";
      uploadsInFlight.set(customId, { path: spooled.path, size: spooled.stored.size, name, type });
      try {
        // A file-backed Blob: UTApi reads its size and type, never its bytes.
        const onDisk = await openAsBlob(spooled.path, { type });
        const file = new UTFile([onDisk], name, { customId, type });
        const result = await utapi.uploadFiles(file, { signal }).catch((error: unknown) => {
          if (!signal?.aborted) throw error;
          return null;
        });
        if (!result || signal?.aborted) {
          // Stopped mid-upload: UploadThing may have kept the object anyway.
          await utapi.deleteFiles(customId, { keyType: "customId" }).catch(() => undefined);
          throw signal?.reason ?? new Error(`UploadThing upload of ${key} was stopped.`);
        }
        if (result.error) {
          throw new Error(`UploadThing upload of ${key} failed: ${result.error.message}`, { cause: result.error });
        }
        return spooled.stored;
      } finally {
        uploadsInFlight.delete(customId);
        await spooled.remove();
      }
    },

    async read(key) {
      const response = await fetchObject(key);
      return response.body ? Readable.from(iterateWebStream(response.body)) : Readable.from([]);
    },

    async readBytes(key) {
      const response = await fetchObject(key);
      return new Uint8Array(await response.arrayBuffer());
    },

    async delete(key) {
      const result = await utapi.deleteFiles(toCustomId(key), { keyType: "customId" });
      // deletedCount 0 (nothing under this key) is still success, which keeps delete idempotent.
      if (!result.success) throw new Error(`UploadThing could not delete ${key}.`);
    },

    async stat(key) {
      assertValidStorageKey(key); // before any request
      // One HEAD addressed by customId: listFiles has no filter, so finding one key there means paging through the whole app.
      const { ufsUrl } = await utapi.generateSignedURL(toCustomId(key), { expiresIn: SIGNED_URL_TTL_SECONDS });
      const response = await fetch(ufsUrl, { method: "HEAD" });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`UploadThing answered ${response.status} when reading ${key}.`);
      const size = Number(response.headers.get("content-length"));
      if (!Number.isSafeInteger(size) || size < 0) throw new Error(`UploadThing sent no size for ${key}.`);
      // Without Last-Modified, "now" errs towards treating the object as fresh (sweeps keep it).
      const modified = new Date(response.headers.get("last-modified") ?? NaN);
      return { size, modifiedAt: Number.isNaN(modified.getTime()) ? new Date() : modified };
    },

    list: listObjects,
  };
}
