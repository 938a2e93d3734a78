import { Readable } from "node:stream";

/**
 * Reads at least `bytes` from the start of a stream (less if it ends sooner)
 * and returns them with a stream that replays them followed by the rest, so
 * a file can be sniffed without buffering it whole.
 */
export async function peekStream(source: Readable, bytes: number): Promise<{ head: Uint8Array; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const buffered = Buffer.concat(chunks);
  async function* replay() {
    if (buffered.length > 0) yield buffered;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: buffered.subarray(0, bytes), stream: Readable.from(replay(), { objectMode: false }) };
}
