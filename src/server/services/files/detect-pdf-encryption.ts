import "server-only";
import { Transform } from "node:stream";

// A password-protected PDF names its security handler in the trailer with an
// /Encrypt entry (ISO 32000-1 §7.5.5): in the classic trailer or in the
// dictionary of the last cross-reference stream, both at the end of the file,
// and, for linearized files, also in the first-page trailer near the start.
// Reading those ends is enough, so the upload never holds the whole file or
// opens it with the PDF engine in the request process; the tools still open it
// with mupdf and refuse it there too if this ever misses.
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;

/** How much of each end of the file is searched; trailers and xref stream dictionaries are far smaller. */
export const PDF_END_BYTES = 64 * 1024;

/** True when the PDF's head or tail carries an /Encrypt entry: it needs a password (or has owner restrictions). */
export function hasEncryptEntry(head: Uint8Array, tail: Uint8Array): boolean {
  const text = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return ENCRYPT_ENTRY.test(text(head.subarray(0, PDF_END_BYTES))) || ENCRYPT_ENTRY.test(text(tail));
}

/** A pass-through that remembers the last `PDF_END_BYTES` of what flowed through it. */
export function keepTail(): { stream: Transform; tail: () => Buffer } {
  let tail = Buffer.alloc(0);
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > PDF_END_BYTES) tail = tail.subarray(tail.length - PDF_END_BYTES);
      done(null, chunk);
    },
  });
  return { stream, tail: () => tail };
}
