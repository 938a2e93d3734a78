import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { setPriority } from "node:os";
import path from "node:path";
import { EngineFaultError } from "../engine-fault";
import type { ToolProgress, ToolTokenReport } from "../types";
import { childMessage, type ChildMessage, type ParentMessage, reviveError, type RunRequest, type WorkerOutput } from "./protocol";
import { workerEnv } from "./worker-env";

// Resolved from the working directory, not from this module: Next.js bundles
// this file, but the worker runs the sources with tsx in its own process.
const ENTRY = path.join("src", "server", "tools", "worker", "worker-main.ts");
// Below the web process, so a busy worker does not delay requests on a small machine.
const WORKER_NICENESS = 10;
const STDERR_TAIL = 4_000;

export type WorkerSettings = { cwd: string; heapMb: number; startTimeoutMs: number; toolModules: readonly string[] };
type Exit = { code: number | null; signal: NodeJS.Signals | null };
/** What a running job tells its caller before it settles. */
export type JobListeners = { progress: ToolProgress; reportAiTokens?: ToolTokenReport };

/** A worker that could not start: the pool reports it so the job runner can fall back to running in-process. */
export class WorkerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerStartError";
  }
}

/** The worker process ended while it held a job. */
export class WorkerExitError extends Error {
  constructor(readonly exit: Exit) {
    super(`tool worker exited (code ${exit.code ?? "none"}, signal ${exit.signal ?? "none"})`);
    this.name = "WorkerExitError";
  }
}

/** One warm tool process: one job at a time; the pool decides which. */
export class ToolWorker {
  private stderrTail = "";
  private job: { id: string; listeners: JobListeners; settle: (result: { outputs?: WorkerOutput[]; error?: Error }) => void } | null = null;
  private exit: Exit | null = null;
  /** Set by a fault report: the process is on its way out and takes no other job. */
  private faulted = false;
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;

  private constructor(settings: WorkerSettings) {
    const args = ["--conditions=react-server", "--import", "tsx", `--max-old-space-size=${settings.heapMb}`, ENTRY];
    this.child = spawn(process.execPath, args, {
      cwd: settings.cwd,
      // NODE_ENV is in the allow-list; the cast only satisfies the global ProcessEnv type.
      env: workerEnv() as NodeJS.ProcessEnv,
      stdio: ["ignore", "inherit", "pipe", "ipc"],
      serialization: "advanced",
    });
    this.child.stderr?.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    if (this.child.pid) {
      try {
        setPriority(this.child.pid, WORKER_NICENESS);
      } catch {
        // Not permitted everywhere (some containers); the worker still runs, just not deprioritized.
      }
    }
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(`not ready within ${settings.startTimeoutMs} ms`), settings.startTimeoutMs);
      const fail = (why: string) => {
        clearTimeout(timer);
        reject(new WorkerStartError(`The tool worker did not start: ${why}. ${this.stderrTail.trim().slice(-500)}`.trim()));
      };
      // Kept for the process's life: an unhandled 'error' (spawn failure, a send on a closed channel) would throw in the web process.
      this.child.on("error", (error) => fail(error.message));
      this.child.on("message", (raw: unknown) => {
        const parsed = childMessage.safeParse(raw);
        if (!parsed.success) return;
        if (parsed.data.type === "ready") {
          clearTimeout(timer);
          resolve();
        } else if (parsed.data.type === "init-failed") fail(parsed.data.error.message);
        else this.onJobMessage(parsed.data);
      });
      // 'close', not 'exit': stderr is fully read by then, so ranOutOfHeap sees V8's last words.
      this.child.once("close", (code, signal) => {
        this.exit = { code, signal };
        fail(`exited with code ${code ?? "none"}`);
        this.job?.settle({ error: new WorkerExitError(this.exit) });
      });
    });
    this.send({ type: "init", toolModules: [...settings.toolModules] });
  }

  /** Resolves once the tools are loaded (mupdf's WASM compiled, sharp loaded). */
  static async start(settings: WorkerSettings): Promise<ToolWorker> {
    const worker = new ToolWorker(settings);
    try {
      await worker.ready;
    } catch (error) {
      worker.kill();
      throw error;
    }
    return worker;
  }

  /** Running and fit for a job: not exited, not faulted. */
  get alive(): boolean {
    return this.exit === null && !this.faulted;
  }

  /** True when V8 reported running out of heap before the process died. */
  get ranOutOfHeap(): boolean {
    return /heap out of memory|allocation failed/i.test(this.stderrTail);
  }

  run(request: RunRequest, listeners: JobListeners): Promise<WorkerOutput[]> {
    if (this.job || !this.alive) return Promise.reject(new Error("tool worker is not available"));
    return new Promise((resolve, reject) => {
      this.job = {
        id: request.jobId,
        listeners,
        settle: ({ outputs, error }) => {
          this.job = null;
          if (outputs) resolve(outputs);
          else reject(error ?? new Error("tool worker returned nothing"));
        },
      };
      this.send(request);
    });
  }

  cancel(jobId: string): void {
    this.send({ type: "cancel", jobId });
  }

  /** SIGKILL: a worker stuck in synchronous WASM work would never see a polite request. */
  kill(): void {
    if (this.exit === null) this.child.kill("SIGKILL");
  }

  /** Lets an idle worker go: closing the IPC channel makes it exit 0 (worker-main.ts); SIGKILL if it lingers. */
  dismiss(): void {
    if (this.exit !== null) return;
    if (this.child.connected) this.child.disconnect();
    setTimeout(() => this.kill(), 5_000).unref();
  }

  /** Resident memory of the process (WASM heaps and native buffers included); undefined where /proc is missing. */
  async rssBytes(): Promise<number | undefined> {
    if (!this.child.pid || this.exit !== null) return undefined;
    const status = await readFile(`/proc/${this.child.pid}/status`, "utf8").catch(() => "");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  }

  private onJobMessage(message: Exclude<ChildMessage, { type: "ready" | "init-failed" }>): void {
    if (!this.job || message.jobId !== this.job.id) return;
    if (message.type === "progress") this.job.listeners.progress({ percent: message.percent, step: message.step });
    else if (message.type === "ai-tokens") this.job.listeners.reportAiTokens?.(message.tokens);
    else if (message.type === "done") this.job.settle({ outputs: message.outputs });
    else if (message.type === "failed") this.job.settle({ error: reviveError(message.error) });
    else {
      this.faulted = true;
      this.job.settle({ error: new EngineFaultError(message.engine, { fileName: message.fileName, cause: reviveError(message.error) }) });
    }
  }

  private send(message: ParentMessage): void {
    if (this.exit === null && this.child.connected) this.child.send(message);
  }
}
