import "server-only";
import { NonRetriableError } from "inngest";
import type { DbTx } from "@/server/db";
import type { Role } from "@/server/db/generated/enums";
import { getQuota } from "@/server/quotas/get-quota";
import { mupdf, withMupdfMessages } from "@/server/tools/pdf/mupdf-runtime";

type Input = { name: string; mimeType: string; read(): Promise<Uint8Array> };

/** Pages of a PDF, or 0 when it cannot be counted yet (locked or damaged: the tool itself reports those). */
function countPdfPages(bytes: Uint8Array): number {
  try {
    return withMupdfMessages(() => {
      const doc = mupdf.Document.openDocument(bytes, "application/pdf");
      try {
        return doc.needsPassword() ? 0 : doc.countPages();
      } finally {
        doc.destroy();
      }
    }).value;
  } catch {
    return 0;
  }
}

/**
 * Enforces the owner's pages-per-job quota before a tool runs, and returns the
 * page count for the usage record. Counting only parses the xref, so it is
 * cheap next to the work it guards.
 */
export async function checkJobPages(db: DbTx, owner: { userId: string | null }, inputs: readonly Input[]): Promise<number> {
  let pages = 0;
  for (const input of inputs) {
    if (input.mimeType === "application/pdf") pages += countPdfPages(await input.read());
  }
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
