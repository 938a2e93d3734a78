// Drives bench/support/open-pdf-child.ts: one file at a time, a fresh child after
// an engine fault, a crash or a file that takes longer than the time limit.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type OpenerAnswer = { outcome: "opened" | "refused" | "fault" | "crashed" | "timeout"; pages?: number; message?: string; ms?: number };

export class OpenerChild {
  private child: ChildProcessWithoutNullStreams | null = null;
  private waiting: ((answer: OpenerAnswer) => void) | null = null;
  restarts = 0;

  constructor(private readonly timeoutMs: number) {}

  open(file: string): Promise<OpenerAnswer> {
    const child = this.child ?? this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.stop();
        resolve({ outcome: "timeout", message: `no answer within ${this.timeoutMs / 1000} s` });
      }, this.timeoutMs);
      this.waiting = (answer) => {
        clearTimeout(timer);
        resolve(answer);
      };
      child.stdin.write(`${file}\n`);
    });
  }

  stop(): void {
    this.waiting = null;
    this.child?.kill("SIGKILL");
    this.child = null;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.child === null && this.restarts++ > 0) process.stderr.write("(fresh opener child)\n");
    const child = spawn("npx", ["tsx", "--conditions=react-server", new URL("open-pdf-child.ts", import.meta.url).pathname], { stdio: "pipe" });
    this.child = child;
    child.stderr.resume();
    createInterface({ input: child.stdout }).on("line", (line) => {
      const answer = JSON.parse(line) as OpenerAnswer;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.(answer);
    });
    child.on("exit", (code) => {
      if (this.child === child) this.child = null;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.({ outcome: "crashed", message: `opener exited with ${code}` });
    });
    return child;
  }
}
