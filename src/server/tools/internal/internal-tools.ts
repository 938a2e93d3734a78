import "server-only";
import { z } from "zod";
import { IMAGE_INPUT_TYPES } from "../image/open-image";
import { defineTool, type ToolDefinition, type ToolRunContext } from "../types";

// Parsing the web process must not do itself: previews, page counts and the
// text a document is searched by. They run in the tool workers like any job
// (budgets, RSS cap, a crash ends only the worker) but are never listed in
// the catalogue and cannot be asked for as a job (registry.ts: getWorkerTool).
// `run` loads the engines on first use: the web process only needs the id.

const GB = 1024 ** 3;
// The caller decides which files get a preview; these limits only keep a tool safe on its own.
const PREVIEW_TYPES = ["application/pdf", "text/plain", ...IMAGE_INPUT_TYPES];

function internalTool<TSchema extends z.ZodType>(
  tool: Pick<ToolDefinition<TSchema>, "id" | "title" | "category" | "accepts" | "maxFiles" | "options"> & { maxInputBytes: number },
  load: () => Promise<(ctx: ToolRunContext<z.output<TSchema>>) => Promise<{ name: string; mimeType: string; data: Uint8Array }[]>>,
): ToolDefinition<TSchema> {
  return defineTool({
    ...tool,
    description: "internal",
    minFiles: 1,
    limits: { maxInputBytes: tool.maxInputBytes },
    run: async (ctx) => (await load())(ctx),
  });
}

export const thumbnailTool = internalTool(
  { id: "internal.thumbnail", title: "Thumbnail", category: "image", accepts: ["application/pdf", ...IMAGE_INPUT_TYPES], maxFiles: 1, options: z.object({}), maxInputBytes: 64 * 1024 * 1024 },
  async () => (await import("./run-preview-tools")).runThumbnail,
);

export const pagePreviewTool = internalTool(
  {
    id: "internal.page-preview", title: "Page preview", category: "pdf", accepts: PREVIEW_TYPES, maxFiles: 1, maxInputBytes: 20 * GB,
    // `truncated`: the input is only a prefix of a text file (see read-stored-prefix.ts).
    options: z.object({ page: z.number().int().min(1).default(1), truncated: z.boolean().default(false) }),
  },
  async () => (await import("./run-preview-tools")).runPagePreview,
);

export const countPagesTool = internalTool(
  { id: "internal.count-pages", title: "Page count", category: "pdf", accepts: ["application/pdf"], maxFiles: 10_000, options: z.object({}), maxInputBytes: 100 * GB },
  async () => (await import("./run-preview-tools")).runCountPages,
);

export const readDocumentTool = internalTool(
  { id: "internal.read-document", title: "Document text", category: "ai", accepts: PREVIEW_TYPES, maxFiles: 1, options: z.object({ ocr: z.boolean().default(false) }), maxInputBytes: 20 * GB },
  async () => (await import("./run-read-document")).runReadDocument,
);

export const internalTools: readonly ToolDefinition[] = [thumbnailTool, pagePreviewTool, countPagesTool, readDocumentTool];
