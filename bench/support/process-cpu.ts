// CPU time of the app's processes from /proc (Linux), to show where a job's
// work ran: in the web process (next-server) or in a tool worker.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type Proc = { pid: number; ppid: number; cmd: string; cpuSeconds: number };

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" that closes the command name: state ppid … utime(12) stime(13).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    return { pid, ppid: Number(fields[1]), cmd, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null; // exited meanwhile
  }
}

/** The process and everything it started, however deep. */
export function processTree(rootPid: number): Proc[] {
  const all = readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map((name) => readProc(Number(name))).filter((proc) => proc !== null);
  const tree: Proc[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    for (const proc of all) {
      if (proc.pid === pid) tree.push(proc);
      if (proc.ppid === pid) queue.push(proc.pid);
    }
  }
  return tree;
}

/** CPU seconds by role: the web process, tool workers, and the launcher (which hosts the embedded database). */
export function cpuByRole(rootPid: number): { web: number; workers: number; launcher: number } {
  const totals = { web: 0, workers: 0, launcher: 0 };
  for (const proc of processTree(rootPid)) {
    if (proc.cmd.startsWith("next-server")) totals.web += proc.cpuSeconds;
    else if (proc.cmd.includes("worker-main.ts")) totals.workers += proc.cpuSeconds;
    else if (proc.cmd.includes("run-app.ts")) totals.launcher += proc.cpuSeconds;
  }
  return totals;
}
