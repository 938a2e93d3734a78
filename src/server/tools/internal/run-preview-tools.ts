import "server-only";
import { PageBeyondPreviewError, PageOutOfRangeError, renderDocumentPage } from "../ai/render-document-page";
import { mupdf, withMupdfMessages } from "../pdf/mupdf-runtime";
import type { ToolInputFile, ToolOutputFile } from "../types";
import type { PagePreviewOutcome } from "./preview-outcomes";
import { renderImageThumbnail, renderPdfThumbnail } from "./render-thumbnail";

// The worker side of the preview tools (internal-tools.ts). Answers that are
// not an image travel back as a small JSON output, since only a ToolInputError
// keeps its meaning across the process boundary.

const json = (name: string, value: unknown): ToolOutputFile[] => [{ name, mimeType: "application/json", data: new TextEncoder().encode(JSON.stringify(value)) }];

function only(inputs: readonly ToolInputFile[]): ToolInputFile {
  const [input] = inputs;
  if (!input) throw new Error("a preview takes one file");
  return input;
}

export async function runThumbnail({ inputs }: { inputs: readonly ToolInputFile[] }): Promise<ToolOutputFile[]> {
  const input = only(inputs);
  const bytes = await input.read();
  const data = input.mimeType === "application/pdf" ? await renderPdfThumbnail(input.name, bytes) : await renderImageThumbnail(input.name, bytes);
  return [{ name: "thumbnail.webp", mimeType: "image/webp", data }];
}

export async function runPagePreview({ inputs, options }: { inputs: readonly ToolInputFile[]; options: { page: number; truncated: boolean } }): Promise<ToolOutputFile[]> {
  const input = only(inputs);
  try {
    const png = await renderDocumentPage({ name: input.name, mimeType: input.mimeType, bytes: await input.read(), truncated: options.truncated }, options.page);
    return [{ name: "page.png", mimeType: "image/png", data: png }];
  } catch (error) {
    if (error instanceof PageOutOfRangeError) return json("outcome.json", { outcome: "out-of-range", pageCount: error.pageCount } satisfies PagePreviewOutcome);
    if (error instanceof PageBeyondPreviewError) return json("outcome.json", { outcome: "beyond-preview", pagesShown: error.pagesShown } satisfies PagePreviewOutcome);
    throw error;
  }
}

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

export async function runCountPages({ inputs }: { inputs: readonly ToolInputFile[] }): Promise<ToolOutputFile[]> {
  const pages: number[] = [];
  for (const input of inputs) pages.push(countPdfPages(await input.read()));
  return json("pages.json", { pages });
}
