import "server-only";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ToolInputFile, ToolOutputFile } from "../types";
import type { WorkerInput, WorkerOutput } from "./protocol";

// Bytes cross to the worker and back as files in a per-job directory. Through
// IPC, a 200 MB result would be copied into one message and deserialized on
// the web process's event loop in one go; async file reads and writes run on
// libuv's thread pool instead and leave the loop free for requests.

export type JobFiles = { inputs: WorkerInput[]; outDir: string; remove: () => Promise<void> };

/** Writes each input to a fresh directory the worker reads from; `remove` deletes everything, outputs included. */
export async function stageJobFiles(inputs: readonly ToolInputFile[]): Promise<JobFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), "fileforge-job-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const outDir = path.join(dir, "out");
    await mkdir(outDir);
    const staged = await Promise.all(
      inputs.map(async (input, index) => {
        const file = path.join(dir, `input-${index}`);
        await writeFile(file, await input.read());
        return { name: input.name, mimeType: input.mimeType, size: input.size, path: file };
      }),
    );
    return { inputs: staged, outDir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/** Reads what the worker wrote, only from the job's own output directory. */
export async function readJobOutputs(outputs: readonly WorkerOutput[], outDir: string): Promise<ToolOutputFile[]> {
  return Promise.all(
    outputs.map(async (output) => {
      const file = path.resolve(outDir, output.path);
      if (path.dirname(file) !== path.resolve(outDir)) throw new Error("tool worker wrote an output outside its job directory");
      const buffer = await readFile(file);
      return { name: output.name, mimeType: output.mimeType, data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
    }),
  );
}
