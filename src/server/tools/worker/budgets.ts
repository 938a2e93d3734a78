import "server-only";
import { formatBytes } from "@/shared/format-bytes";
import { ToolInputError } from "../tool-error";
import type { ToolCategory, ToolDefinition } from "../types";

// What one job may cost before its worker is killed. Tools refuse most hostile
// input up front (page, pixel and content budgets); these are the backstop for
// what slips through, e.g. a page that is cheap to declare but slow to draw.

const MINUTE = 60_000;

/** Generous for honest files at the tools' own limits on a 2-core machine. */
const BY_CATEGORY: Record<ToolCategory, number> = {
  pdf: 15 * MINUTE,
  image: 10 * MINUTE,
  text: 15 * MINUTE,
  // Reading scans (OCR) and waiting for a model both take long.
  ai: 60 * MINUTE,
};

const BY_TOOL: Record<string, number> = {
  // 2–6 s a page on one core, up to 500 pages (text/ocr-options.ts).
  "text.ocr": 60 * MINUTE,
  "pdf.to-images": 20 * MINUTE,
  "pdf.compress": 20 * MINUTE,
  // Someone is waiting on a preview or a page count: honest files take well under a second.
  "internal.thumbnail": 30_000,
  "internal.page-preview": 30_000,
  "internal.count-pages": 30_000,
};

export function defaultTimeBudgetMs(tool: Pick<ToolDefinition, "id" | "category">): number {
  return BY_TOOL[tool.id] ?? BY_CATEGORY[tool.category];
}

function describeDuration(ms: number): string {
  if (ms >= MINUTE) return `${Math.round(ms / MINUTE)} minute${ms >= 1.5 * MINUTE ? "s" : ""}`;
  return `${Math.max(1, Math.round(ms / 1000))} seconds`;
}

// These are ToolInputErrors: the same file would hit the same wall on a retry,
// so the job fails at once with a message the uploader can act on.

export function memoryBudgetError(maxRssBytes: number): ToolInputError {
  return new ToolInputError(
    `This file needs more memory than a job may use (${formatBytes(maxRssBytes)}). Try a smaller file, fewer pages at a time or lower settings.`,
  );
}

export function timeBudgetError(budgetMs: number): ToolInputError {
  return new ToolInputError(
    `This file takes longer than a job may run (${describeDuration(budgetMs)}), so it was stopped. Try a smaller file, fewer pages at a time or lower settings.`,
  );
}
