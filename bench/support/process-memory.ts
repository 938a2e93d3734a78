// Resident memory of the app's process tree from /proc (Linux): what `npm
// start` leaves running, process by process, named by what it does.
import { readFileSync } from "node:fs";
import { processTree } from "./process-cpu";

export type ProcessMemory = { pid: number; role: string; rssMb: number; cmd: string };

/** What a process of the tree is, from its command line. */
export function roleOf(cmd: string): string {
  if (cmd.startsWith("next-server")) return "web (next-server)";
  if (cmd.includes("worker-main")) return "tool worker";
  if (/^(\/bin\/)?sh /.test(cmd)) return "sh";
  if (cmd.includes("tsx/dist/cli")) return "tsx CLI";
  if (cmd.includes("run-app")) return "launcher + embedded PostgreSQL (PGlite)";
  if (/(^|\/)npm( |$)|npm-cli\.js/.test(cmd)) return "npm";
  if (cmd.includes("esbuild")) return "esbuild service (tsx)";
  return cmd.slice(0, 60);
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0; // exited meanwhile
  }
}

/** Every live process of the tree with its resident size (zombies hold none). */
export function treeMemory(rootPid: number): { processes: ProcessMemory[]; totalMb: number } {
  const processes = processTree(rootPid)
    .map((proc) => ({ pid: proc.pid, role: roleOf(proc.cmd), rssMb: Math.round(rssKb(proc.pid) / 102.4) / 10, cmd: proc.cmd.slice(0, 160) }))
    .filter((proc) => proc.rssMb > 0);
  return { processes, totalMb: Math.round(processes.reduce((sum, proc) => sum + proc.rssMb, 0) * 10) / 10 };
}
