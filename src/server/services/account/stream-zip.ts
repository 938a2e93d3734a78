import "server-only";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";

export type ZipSource = {
  /** Path inside the archive. */
  name: string;
  /** Deflate text-like data; store already-compressed data (PDF, images) as is. */
  compress: boolean;
  /** Opened only when the entry's turn comes, so one file at a time is read. */
  open: () => Promise<AsyncIterable<Uint8Array>>;
};

/**
 * A zip archive as an async stream, built with fflate's streaming `Zip`: one
 * entry at a time, chunk by chunk, so memory stays flat whatever the sizes.
 * Being pulled (not pushed), the stream honours the consumer's backpressure.
 * fflate writes no ZIP64, so callers keep the total under 4 GB.
 */
export async function* streamZip(sources: AsyncIterable<ZipSource> | Iterable<ZipSource>): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    yield* ready.splice(0, ready.length);
  }
  for await (const source of sources) {
    const entry = source.compress ? new ZipDeflate(source.name, { level: 6 }) : new ZipPassThrough(source.name);
    zip.add(entry);
    for await (const chunk of await source.open()) {
      entry.push(chunk);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** A whole in-memory document (the JSON files) as a zip source. */
export function bytesSource(name: string, bytes: Uint8Array): ZipSource {
  return {
    name,
    compress: true,
    open: async () => (async function* () {
      yield bytes;
    })(),
  };
}
