import "server-only";

// Tools that misbehave on purpose, loaded into workers only by the pool's tests
// (ToolPoolOptions.toolModules): the registry never lists them.
import { existsSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { mupdf } from "../../src/server/tools/pdf/mupdf-runtime";
import { ToolInputError } from "../../src/server/tools/tool-error";
import { defineTool, type ToolDefinition, type ToolRunContext } from "../../src/server/tools/types";

const noOptions = z.object({ ms: z.number().default(0), marker: z.string().optional() });

function testTool(id: string, run: (ctx: ToolRunContext<z.output<typeof noOptions>>) => Promise<{ name: string; mimeType: string; data: Uint8Array }[]>): ToolDefinition {
  return defineTool({
    id, title: id, description: "test only", category: "pdf", accepts: ["application/pdf"],
    minFiles: 0, maxFiles: 5, options: noOptions, limits: { maxInputBytes: 10_000_000 }, run,
  });
}

const text = (value: string) => [{ name: "result.txt", mimeType: "text/plain", data: new TextEncoder().encode(value) }];

/** Blocks its event loop for `ms` like a long synchronous WASM call, then says which process it ran in. */
export const busyTool = testTool("test.busy", async ({ options }) => {
  const until = Date.now() + options.ms;
  while (Date.now() < until) Math.sqrt(Math.random());
  return text(String(process.pid));
});

/** Never returns and never looks at its signal: only killing the process stops it. */
export const spinTool = testTool("test.spin", async ({ progress }) => {
  progress({ percent: 5, step: "Spinning" });
  await sleep(20); // lets the progress message leave before the loop starts
  for (;;) Math.sqrt(Math.random());
});

/** Reports progress until canceled, then stops the way a well-behaved tool does. */
export const waitTool = testTool("test.wait", async ({ progress, signal }) => {
  for (let tick = 1; ; tick += 1) {
    progress({ percent: Math.min(90, tick), step: `Tick ${tick}` });
    await sleep(20, undefined, { signal });
  }
});

export const exitTool = testTool("test.exit", async ({ progress }) => {
  progress({ percent: 10, step: "About to crash" });
  await sleep(20);
  process.exit(7);
});

export const inputErrorTool = testTool("test.input-error", async () => {
  throw new ToolInputError("broken.pdf is damaged beyond repair.", { fileName: "broken.pdf" });
});

/** Native memory outside V8's heap, as mupdf's WASM heap or sharp's pixel buffers are. */
export const hogTool = testTool("test.hog", async () => {
  const held: Buffer[] = [];
  for (;;) {
    held.push(Buffer.alloc(32 * 1024 * 1024, 1));
    await sleep(10);
  }
});

/** JavaScript objects until V8's heap limit (--max-old-space-size) ends the process. */
export const heapTool = testTool("test.heap", async () => {
  const held: { index: number; text: string }[][] = [];
  for (let round = 0; ; round += 1) {
    held.push(Array.from({ length: 100_000 }, (_, index) => ({ index, text: `row ${round}:${index}` })));
    if (round % 10 === 0) await sleep(0);
  }
});

/** Spends tokens on two model calls, then fails like a model answer that does not fit the schema. */
export const tokensThenFailTool = testTool("test.tokens-then-fail", async ({ reportAiTokens }) => {
  reportAiTokens(120);
  reportAiTokens(30);
  throw new ToolInputError("The model's answer did not match the schema.");
});

/**
 * What a hostile file can do to mupdf, for real: scribbles over the engine's
 * whole WASM heap (a mupdf Buffer's bytes are a view into it), then frees a
 * buffer, so mupdf's allocator walks garbage and the WASM traps with
 * "memory access out of bounds", as fz_free did on the real-world PDF. The
 * instance stays corrupt afterwards: every later mupdf call in it traps too.
 */
export function corruptMupdfAndTrap(): never {
  const scratch = new mupdf.Buffer("scratch");
  new Uint8Array(scratch.asUint8Array().buffer).fill(0xff, 1024);
  scratch.destroy();
  throw new Error("mupdf did not trap on a corrupt heap");
}

/** Corrupts the engine and traps; with `marker`, only while that file does not exist yet (a fault the next engine does not meet). */
export const engineFaultTool = testTool("test.engine-fault", async ({ options, inputs }) => {
  if (options.marker !== undefined) {
    if (existsSync(options.marker)) return text(`fine on the second engine, pid ${process.pid}, ${inputs.length} input`);
    writeFileSync(options.marker, String(process.pid));
  }
  return corruptMupdfAndTrap();
});

/** A trap wrapped the way tool code wraps errors: a ToolInputError whose cause is the trap. */
export const wrappedFaultTool = testTool("test.wrapped-fault", async ({ inputs }) => {
  try {
    corruptMupdfAndTrap();
  } catch (error) {
    throw new ToolInputError(`${inputs[0]?.name ?? "The file"} is damaged and could not be read.`, { fileName: inputs[0]?.name, cause: error });
  }
});

/** A trap nobody awaits: it escapes the tool as an unhandled rejection while the job is still running. */
export const escapedFaultTool = testTool("test.escaped-fault", async ({ signal }) => {
  void Promise.resolve().then(() => corruptMupdfAndTrap());
  await sleep(60_000, undefined, { signal });
  return text("not reached");
});

/** Names every environment variable its process was given, so a test can check secrets stayed home. */
export const envTool = testTool("test.env", async () => text(JSON.stringify(Object.keys(process.env).sort())));

export const workerTools: readonly ToolDefinition[] = [envTool, busyTool, spinTool, waitTool, exitTool, inputErrorTool, hogTool, heapTool, tokensThenFailTool, engineFaultTool, wrappedFaultTool, escapedFaultTool];
