import "server-only";
import { isToolInputError } from "../tool-error";
import type { ToolInputFile, ToolOutputFile, ToolProgress } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { type mupdf, withMupdfMessages } from "./mupdf-runtime";
import { damaged, outputPdfName, readPdf, SAVE_OPTIONS, savePdf } from "./save-pdf";

export type OpenedPdf = { doc: mupdf.PDFDocument; pageCount: number };

export type EditTarget = OpenedPdf & {
  name: string;
  /** Call before working on each page: reports progress and stops a cancelled job. */
  onPage(index: number): void;
};

type EditEachPdf = {
  inputs: readonly ToolInputFile[];
  progress: ToolProgress;
  signal: AbortSignal;
  /** "Rotating": the progress label reads "Rotating page 3 of 12". */
  verb: string;
  /** "rotated": report.pdf comes back as report-rotated.pdf. */
  suffix: string;
  saveOptions?: string;
  /** How to open one file; by default the usual checks (not encrypted, not cut short, within the page cap). */
  open?: (input: ToolInputFile) => Promise<OpenedPdf>;
  /** Changes the document in place; may return a line for the last progress update ("Removed Title and Author"). */
  edit(target: EditTarget): string | void;
};

// At most this many progress updates per file: each may be a database write.
const UPDATES_PER_FILE = 100;

/**
 * The shape of every one-file-in, one-file-out PDF tool, over a batch: open, edit
 * in place, save, with progress per page; several results come back as one zip.
 */
export async function editEachPdf(job: EditEachPdf): Promise<ToolOutputFile[]> {
  const { inputs, progress, signal } = job;
  const outputs: ToolOutputFile[] = [];
  let summary: string | void = undefined;
  for (const [fileIndex, input] of inputs.entries()) {
    signal.throwIfAborted();
    const share = 100 / inputs.length;
    const ofFiles = inputs.length > 1 ? ` (file ${fileIndex + 1} of ${inputs.length})` : "";
    progress({ percent: share * fileIndex, step: `Reading ${input.name}` });
    const opened = await (job.open ?? readPdf)(input);
    try {
      let lastReported = -1;
      const onPage = (index: number) => {
        signal.throwIfAborted();
        const tick = Math.floor((UPDATES_PER_FILE * index) / opened.pageCount);
        if (tick === lastReported) return;
        lastReported = tick;
        progress({ percent: share * (fileIndex + (0.9 * index) / opened.pageCount), step: `${job.verb} page ${index + 1} of ${opened.pageCount}${ofFiles}` });
      };
      summary = runEdit(job, { ...opened, name: input.name, onPage });
      progress({ percent: share * (fileIndex + 0.9), step: `Saving ${input.name}` });
      const data = savePdf(opened.doc, input.name, job.saveOptions ?? SAVE_OPTIONS);
      outputs.push({ name: outputPdfName(input.name, job.suffix), mimeType: "application/pdf", data });
    } finally {
      opened.doc.destroy();
    }
  }
  // One file's summary says what happened to it; a batch's would mislead, so it gets a count.
  progress({ percent: 100, step: inputs.length === 1 && summary ? summary : `Done: ${inputs.length} files` });
  return zipOutputsIfMany(outputs, `${job.suffix}-pdfs.zip`);
}

function runEdit(job: EditEachPdf, target: EditTarget): string | void {
  try {
    return withMupdfMessages(() => job.edit(target)).value;
  } catch (error) {
    // Cancelling and our own readable errors pass through; anything mupdf throws is the file's damage.
    if (isToolInputError(error) || (error instanceof Error && error.name === "AbortError")) throw error;
    throw damaged(target.name, error);
  }
}
