import "server-only";
import type { StorageDriver } from "@/server/storage/types";

/**
 * The first `maxBytes` of a stored object, streamed and stopped there: a
 * preview of a 50 MB text file never holds (or downloads) more than that.
 * `truncated` says the object goes on past what was read.
 */
export async function readStoredPrefix(storage: StorageDriver, key: string, maxBytes: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const stream = await storage.read(key);
  const chunks: Buffer[] = [];
  let total = 0;
  // One byte past the limit tells a file of exactly maxBytes from a longer one.
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const piece = chunk.subarray(0, maxBytes + 1 - total);
    chunks.push(piece);
    total += piece.length;
    if (total > maxBytes) break; // leaving the loop destroys the stream: no more is read
  }
  stream.destroy();
  const all = Buffer.concat(chunks, total);
  const bytes = all.subarray(0, Math.min(total, maxBytes));
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), truncated: total > maxBytes };
}
