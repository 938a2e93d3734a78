import "server-only";
import { NonRetriableError } from "inngest";
import type { DbTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import { getQuota } from "@/server/quotas/get-quota";
import { countPagesTool } from "@/server/tools/internal/internal-tools";
import { pageCounts } from "@/server/tools/internal/preview-outcomes";
import { parseJsonOutput, runInternalTool } from "@/server/tools/internal/run-internal-tool";
import type { ToolInputFile } from "@/server/tools/types";

/** Pages of the PDFs among the inputs, counted in a tool worker; one that is locked or damaged counts 0 (the tool itself reports those). */
async function countPdfPages(inputs: readonly ToolInputFile[]): Promise<number> {
  const pdfs = inputs.filter((input) => input.mimeType === "application/pdf");
  if (pdfs.length === 0) return 0;
  const { pages } = parseJsonOutput(await runInternalTool(countPagesTool, { inputs: pdfs }), pageCounts);
  return pages.reduce((sum, count) => sum + count, 0);
}

/**
 * Enforces the owner's pages-per-job quota before a tool runs, and returns the
 * page count for the usage record. Counting only parses the xref, so it is
 * cheap next to the work it guards, but it is a parse of the user's bytes:
 * it runs where the tools do, never in this process.
 */
export async function checkJobPages(db: DbTx, owner: { userId: string | null }, inputs: readonly ToolInputFile[]): Promise<number> {
  const pages = await countPdfPages(inputs);
  const role: Role = owner.userId
    ? ((await db.user.findUnique({ where: { id: owner.userId }, select: { role: true } }))?.role ?? "USER")
    : "GUEST";
  const { pagesPerJob } = await getQuota(db, role);
  if (pages > pagesPerJob) {
    throw new NonRetriableError(
      `These files have ${pages.toLocaleString("en-US")} pages; your limit is ${pagesPerJob.toLocaleString("en-US")} pages per job. Split them into smaller jobs.`,
    );
  }
  return pages;
}
