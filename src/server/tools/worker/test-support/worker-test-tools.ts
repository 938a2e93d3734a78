// Tools that misbehave on purpose, loaded into workers only by the pool's tests
// (ToolPoolOptions.toolModules): the registry never lists them.
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { ToolInputError } from "../../tool-error";
import { defineTool, type ToolDefinition, type ToolRunContext } from "../../types";

const noOptions = z.object({ ms: z.number().default(0) });

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

export const workerTools: readonly ToolDefinition[] = [busyTool, spinTool, waitTool, exitTool, inputErrorTool, hogTool, heapTool, tokensThenFailTool];
