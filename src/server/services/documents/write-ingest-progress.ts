import "server-only";
import type { DbTx } from "@/server/db";
import type { ToolProgress } from "@/server/tools/types";

const MIN_INTERVAL_MS = 500;

/**
 * Maps a reader's 0..100 progress into [from, to] of Document.progress and
 * writes it at most every half second, so the status query shows a page
 * count creeping up during a long OCR run without a write per page.
 */
export function createIngestProgressWriter(db: DbTx, fileId: string, from: number, to: number) {
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const report: ToolProgress = ({ percent }) => {
    const now = Date.now();
    if (now - lastWrite < MIN_INTERVAL_MS) return;
    lastWrite = now;
    const progress = Math.round(from + ((to - from) * Math.min(100, Math.max(0, percent))) / 100);
    // Only forwards: a retried step must not make the bar jump back and forth.
    writing = writing.then(() => db.document.updateMany({ where: { fileId, progress: { lt: progress } }, data: { progress } })).catch(() => undefined);
  };
  return { report, flush: () => writing };
}
