import "server-only";
import * as mupdf from "mupdf";

// mupdf reports recoverable damage ("trying to repair broken xref") through one
// process-wide hook that otherwise writes to stderr. Route it here: messages are
// collected only while withMupdfMessages runs, and dropped otherwise. mupdf's
// calls are synchronous, so nothing else can run inside that window.
const MAX_MESSAGES = 50; // a crafted file can emit warnings without end
let sink: string[] | null = null;

function collect(message: string) {
  if (sink && sink.length < MAX_MESSAGES) sink.push(message);
}

mupdf.setLog({ warning: collect, error: collect });

/** Runs synchronous mupdf work and returns what mupdf complained about meanwhile. */
export function withMupdfMessages<T>(work: () => T): { value: T; messages: string[] } {
  const messages: string[] = [];
  const previous = sink;
  sink = messages;
  try {
    return { value: work(), messages };
  } finally {
    sink = previous;
  }
}

/** Copies out of WASM memory: views into it go stale when the heap grows or the buffer is freed. */
export function takeBytes(buffer: mupdf.Buffer): Uint8Array {
  try {
    return buffer.asUint8Array().slice();
  } finally {
    buffer.destroy();
  }
}

export { mupdf };
