import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as firstInstance from "mupdf";

type Mupdf = typeof firstInstance;

/**
 * The engine every PDF tool uses. A live binding: after a WASM trap the
 * in-process runner loads a fresh instance (reloadMupdf) and importers see it
 * at their next `mupdf.X`, so nothing may keep a mupdf object (or class) across
 * jobs, except through perMupdfInstance.
 */
export let mupdf: Mupdf = firstInstance;

// The types under the same name, so `mupdf.PDFDocument` still names a type.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace mupdf {
  export type Buffer = firstInstance.Buffer;
  export type Color = firstInstance.Color;
  export type ColorSpace = firstInstance.ColorSpace;
  export type Device = firstInstance.Device;
  export type DisplayList = firstInstance.DisplayList;
  export type Document = firstInstance.Document;
  export type DrawDevice = firstInstance.DrawDevice;
  export type Font = firstInstance.Font;
  export type Image = firstInstance.Image;
  export type Matrix = firstInstance.Matrix;
  export type Page = firstInstance.Page;
  export type PDFDocument = firstInstance.PDFDocument;
  export type PDFGraftMap = firstInstance.PDFGraftMap;
  export type PDFObject = firstInstance.PDFObject;
  export type PDFPage = firstInstance.PDFPage;
  export type Pixmap = firstInstance.Pixmap;
  export type Point = firstInstance.Point;
  export type Quad = firstInstance.Quad;
  export type Rect = firstInstance.Rect;
  export type StructuredText = firstInstance.StructuredText;
}

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

/** A value made with mupdf (a font, say) and kept for later jobs: made again for each new engine instance. */
export function perMupdfInstance<T>(make: () => T): () => T {
  let cached: { engine: Mupdf; value: T } | null = null;
  return () => {
    if (cached?.engine !== mupdf) cached = { engine: mupdf, value: make() };
    return cached.value;
  };
}

type MupdfClass = { _drop?: (pointer: number) => void; _finalizer?: FinalizationRegistry<number> };

/**
 * mupdf frees an object's WASM memory when the GC collects its JS wrapper, from
 * a FinalizationRegistry per class. In a dropped (trapped) instance that free
 * walks the corrupt heap and traps again, outside any job: an uncaught
 * exception in this process. Each class gets a registry that stops freeing once
 * its instance is dropped; returns the switch. (mupdf creates these registries
 * lazily and only if none is set, so ours are the ones used.)
 */
function guardFinalizers(instance: Mupdf): () => void {
  let live = true;
  for (const value of Object.values(instance)) {
    const drop = typeof value === "function" ? (value as MupdfClass)._drop : undefined;
    if (typeof drop !== "function") continue;
    (value as MupdfClass)._finalizer = new FinalizationRegistry<number>((pointer) => {
      if (live) drop(pointer);
    });
  }
  return () => {
    live = false;
  };
}

let dropCurrent = guardFinalizers(mupdf);
let generation = 0;
let reloading: Promise<void> | null = null;

/** Which engine instance is live; pass it to reloadMupdf so that two jobs hit by one trap reload once. */
export function mupdfGeneration(): number {
  return generation;
}

/**
 * Drops the live engine and loads a fresh one (its own WASM heap). ES modules
 * are never unloaded, so a module URL with a query string is a new instance of
 * mupdf.js, which calls the WASM factory again. The dropped instance's heap
 * stays allocated for the process's life: a cost paid once per trap, which is
 * why tools normally run in worker processes that simply exit instead.
 */
export function reloadMupdf(seenGeneration: number): Promise<void> {
  if (seenGeneration !== generation) return reloading ?? Promise.resolve();
  generation += 1;
  dropCurrent();
  // Resolved from the app's directory at run time: bundlers rewrite `createRequire(import.meta.url)`.
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve("mupdf");
  const url = `${pathToFileURL(entry).href}?instance=${generation}`;
  reloading = (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url) as Promise<Mupdf>).then((fresh) => {
    fresh.setLog({ warning: collect, error: collect });
    dropCurrent = guardFinalizers(fresh);
    mupdf = fresh;
  });
  return reloading;
}
