import { z } from "zod";
import { STREAMED_TOOL_IDS } from "@/server/services/ai-tools/streamed-tools";

/**
 * POST /api/ai/summary body, as useCompletion sends it: its `prompt` (unused:
 * the task comes from the tool and its options) plus our fields. The options
 * are checked by the tool's own schema in the service, so this only bounds them.
 */
export const summaryRequestSchema = z.object({
  tool: z.enum(STREAMED_TOOL_IDS, { error: "This tool cannot stream its result; run it as a job." }),
  fileId: z.string().min(1).max(64),
  options: z.record(z.string(), z.unknown()).default({}),
});

export type SummaryRequestBody = z.infer<typeof summaryRequestSchema>;
