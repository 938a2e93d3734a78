// Resident memory of the app's whole process tree (launcher, database host,
// next-server, tool workers), sampled from /proc (Linux).
import { readFileSync } from "node:fs";
import { processTree } from "./process-cpu";

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // exited meanwhile
  }
}

/** Sum of VmRSS over the process and everything it started, in MB. */
export function treeRssMb(rootPid: number): number {
  const bytes = processTree(rootPid).reduce((sum, proc) => sum + rssBytes(proc.pid), 0);
  return Math.round(bytes / 2 ** 20);
}

/** Samples the tree every `everyMs` until stopped; returns the peak seen. */
export function watchPeakRss(rootPid: number, everyMs = 500): { stop: () => number } {
  let peak = treeRssMb(rootPid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(rootPid))), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, treeRssMb(rootPid));
    },
  };
}
