import "server-only";
import { z } from "zod";

// What the internal tools answer besides images, parsed on the web side:
// the output file is data from another process.

export const pagePreviewOutcome = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("out-of-range"), pageCount: z.number().int().nonnegative() }),
  z.object({ outcome: z.literal("beyond-preview"), pagesShown: z.number().int().nonnegative() }),
]);
export type PagePreviewOutcome = z.infer<typeof pagePreviewOutcome>;

export const pageCounts = z.object({ pages: z.array(z.number().int().nonnegative()) });

export const documentText = z.object({
  pageCount: z.number().int().nonnegative(),
  unreadPages: z.array(z.number().int()),
  ocrPages: z.array(z.number().int()),
  chunks: z.array(z.object({ position: z.number().int(), pageStart: z.number().int(), pageEnd: z.number().int(), text: z.string() })),
});
export type DocumentText = z.infer<typeof documentText>;
