import "server-only";
import { Readable } from "node:stream";

/**
 * Reads at least `bytes` from the start of a stream (less if it ends sooner)
 * and returns them with a stream that replays them followed by the rest, so
 * a file can be sniffed without buffering it whole.
 *
 * If the replay is abandoned (destroyed) before its end, the rest of the
 * source is read and dropped. The source is a busboy file stream: busboy waits
 * for each file to be read to its end before it parses the rest of the
 * request, and `resume()` cannot drain it once it is being iterated, so a
 * refused upload that spans more than a few chunks (an iPhone HEIC, a zip)
 * would otherwise leave the request without an answer forever.
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
    done = true;
  }
  const stream = Readable.from(replay(), { objectMode: false });
  stream.once("close", () => {
    if (!done) void drain(iterator);
  });
  return { head: buffered.subarray(0, bytes), stream };
}

async function drain(iterator: AsyncIterator<Buffer>): Promise<void> {
  try {
    while (!(await iterator.next()).done);
  } catch {
    // The source failed (the client went away): nothing is left to drain.
  }
}
