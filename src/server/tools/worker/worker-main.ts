// Entry of a tool worker process (started by tool-worker.ts with tsx and
// `--conditions=react-server`, so `server-only` imports are no-ops here).
// Importing the registry loads mupdf's WASM and sharp once, when the process
// starts: every job after that runs warm.
import "server-only";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describeEngineFault, findEngineFault } from "../engine-fault";
import { getWorkerTool, listTools } from "../registry";
import { runTool } from "../run-tool";
import type { ToolDefinition, ToolInputFile, ToolProgress } from "../types";
import { type ChildMessage, parentMessage, type RunRequest, serializeError, type WorkerInput } from "./protocol";

// Within one percent, progress travels at most this often; the web process throttles its database writes further.
const PROGRESS_INTERVAL_MS = 100;

const extraTools = new Map<string, ToolDefinition>();
const running = new Map<string, { controller: AbortController; tool: Pick<ToolDefinition, "category"> }>();
// Exit code after a fault (EX_SOFTWARE): this process's engine heap can no longer be trusted.
const FAULT_EXIT_CODE = 70;
let faulted = false;

function send(message: ChildMessage): void {
  process.send?.(message);
}

function isToolDefinition(value: unknown): value is ToolDefinition {
  return typeof value === "object" && value !== null && "id" in value && typeof value.id === "string" && "run" in value && typeof value.run === "function";
}

/** Extra tool modules (tests only) export `workerTools`; the registry's tools are always there. */
async function init(toolModules: readonly string[]): Promise<void> {
  for (const modulePath of toolModules) {
    const loaded: { workerTools?: unknown } = await import(pathToFileURL(modulePath).href);
    const tools = Array.isArray(loaded.workerTools) ? loaded.workerTools : [];
    for (const tool of tools) if (isToolDefinition(tool)) extraTools.set(tool.id, tool);
  }
  send({ type: "ready", tools: listTools().length + extraTools.size });
}

function inputFile(input: WorkerInput): ToolInputFile {
  let bytes: Promise<Uint8Array> | undefined;
  const load = async () => {
    const buffer = await readFile(input.path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  return { name: input.name, mimeType: input.mimeType, size: input.size, read: () => (bytes ??= load()) };
}

/**
 * Sends each whole percent and otherwise at most every 100 ms, without timers:
 * a tool busy in synchronous work could not fire them anyway.
 */
function throttledProgress(jobId: string): { report: ToolProgress; flush: () => void } {
  let pending: { percent: number; step: string } | null = null;
  let lastSent = 0;
  let lastPercent = -1;
  const flush = () => {
    if (pending) send({ type: "progress", jobId, ...pending });
    lastPercent = pending ? Math.floor(pending.percent) : lastPercent;
    pending = null;
    lastSent = Date.now();
  };
  const report: ToolProgress = (update) => {
    pending = update;
    if (Math.floor(update.percent) !== lastPercent || Date.now() - lastSent >= PROGRESS_INTERVAL_MS) flush();
  };
  return { report, flush };
}

/**
 * Reports each running job as faulted and exits once the messages are out:
 * after a WASM trap the engine's heap may be corrupt, and a job run on it
 * would fail (or worse, succeed with garbage). The pool starts a fresh worker.
 */
function faultAndExit(error: unknown, jobIds: readonly string[]): void {
  faulted = true;
  const fault = findEngineFault(error) ?? error;
  let pending = jobIds.length;
  const exitWhenSent = () => {
    pending -= 1;
    if (pending <= 0) process.exit(FAULT_EXIT_CODE);
  };
  if (pending === 0 || !process.send) return process.exit(FAULT_EXIT_CODE);
  // A send that never completes (the channel closing meanwhile) must not keep a faulted process around.
  setTimeout(() => process.exit(FAULT_EXIT_CODE), 2_000);
  for (const jobId of jobIds) {
    const job = running.get(jobId);
    job?.controller.abort(new Error("The engine faulted."));
    const described = describeEngineFault(fault, job?.tool ?? { category: "pdf" });
    process.send({ type: "faulted", jobId, error: serializeError(fault), ...described } satisfies ChildMessage, exitWhenSent);
  }
}

async function run(request: RunRequest): Promise<void> {
  const controller = new AbortController();
  const progress = throttledProgress(request.jobId);
  try {
    const tool = extraTools.get(request.toolId) ?? getWorkerTool(request.toolId);
    running.set(request.jobId, { controller, tool });
    const inputs = request.inputs.map(inputFile);
    const outputs = await runTool(tool, {
      inputs,
      options: request.options,
      progress: progress.report,
      signal: controller.signal,
      // Sent at once, never throttled: every token is metered, also when the job fails afterwards.
      reportAiTokens: (tokens) => send({ type: "ai-tokens", jobId: request.jobId, tokens }),
    });
    const written = await Promise.all(
      outputs.map(async (output, index) => {
        const file = path.join(request.outDir, `output-${index}`);
        await writeFile(file, output.data);
        return { name: output.name, mimeType: output.mimeType, path: file };
      }),
    );
    progress.flush();
    send({ type: "done", jobId: request.jobId, outputs: written });
  } catch (error) {
    progress.flush();
    if (findEngineFault(error) !== undefined) return faultAndExit(error, [request.jobId]);
    send({ type: "failed", jobId: request.jobId, error: serializeError(error) });
  } finally {
    if (!faulted) running.delete(request.jobId);
  }
}

process.on("message", (raw: unknown) => {
  const parsed = parentMessage.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === "init") {
    init(message.toolModules).catch((error: unknown) => send({ type: "init-failed", error: serializeError(error) }));
  } else if (message.type === "run") {
    // After a fault nothing runs here any more, even if the pool has not noticed yet.
    if (!faulted) void run(message);
  } else {
    running.get(message.jobId)?.controller.abort(new Error("The job was canceled."));
  }
});

// Whatever escaped a tool (a trap in a callback, a rejection nobody awaited)
// leaves this process in an unknown state: the running jobs are told so, as a
// fault, and the process goes rather than take another job.
const onEscaped = (error: unknown) => {
  if (faulted) return;
  process.stderr.write(`tool worker: uncaught ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  faultAndExit(error, [...running.keys()]);
};
process.on("uncaughtException", onEscaped);
process.on("unhandledRejection", onEscaped);

// The web process went away (exit, crash, SIGKILL): nobody is left to take results.
process.on("disconnect", () => process.exit(0));

// A terminal, systemd or a container runtime signals the whole process group,
// workers included. The web process decides when a worker stops (after the
// shutdown grace period), so a running step is not cut off by that signal.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => undefined);
