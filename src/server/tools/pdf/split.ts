import "server-only";
import { z } from "zod";
import { formatBytes } from "@/shared/format-bytes";
import { formatCount, ToolInputError } from "../tool-error";
import { defineTool, type ToolOutputFile } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { copyPageAnnotations } from "./copy-page-annotations";
import { mupdf, withMupdfMessages } from "./mupdf-runtime";
import { countRangePages, pageListOption, parsePageRanges, rangeIndexes } from "./parse-page-ranges";
import { damaged, MAX_PDF_INPUT_BYTES, MAX_PDF_PAGES, outputPdfName, readPdf, savePdf } from "./save-pdf";
import { appliesWhen } from "../parse-tool-options";

// Pages that share a big image or font carry a copy of it into every part, so the
// parts can add up to far more than the input: this caps what one job hands back.
const MAX_OUTPUT_BYTES = 500_000_000;

const splitOptions = z.object({
  mode: z
    .enum(["each", "every", "ranges"])
    .default("each")
    .describe("each: one file per page. every: a new file every N pages. ranges: one file per range you list."),
  every: appliesWhen(z.number().int().min(1).max(MAX_PDF_PAGES).default(2).describe("How many pages go in each file."), { mode: ["every"] }),
  ranges: appliesWhen(pageListOption("1-", "The parts to make, e.g. 1-3,4-10,12 makes three files (8- means page 8 to the end)."), { mode: ["ranges"] }),
});
type SplitOptions = z.output<typeof splitOptions>;

type Part = { label: string; indexes: number[] };

export const splitPdfTool = defineTool({
  id: "pdf.split",
  title: "Split PDF",
  description: "Cut a PDF into several: one file per page, every few pages, or the page ranges you choose.",
  category: "pdf",
  accepts: ["application/pdf"],
  minFiles: 1,
  maxFiles: 1,
  options: splitOptions,
  limits: { maxInputBytes: MAX_PDF_INPUT_BYTES, maxPages: MAX_PDF_PAGES },
  async run({ inputs, options, progress, signal }) {
    const [input] = inputs;
    if (!input) return [];
    progress({ percent: 0, step: `Reading ${input.name}` });
    const { doc, pageCount } = await readPdf(input);
    try {
      const parts = planParts(options, pageCount, input.name);
      const outputs: ToolOutputFile[] = [];
      let totalBytes = 0;
      withMupdfMessages(() => prepareForms(doc, input.name));
      for (const [index, part] of parts.entries()) {
        signal.throwIfAborted();
        progress({ percent: (95 * index) / parts.length, step: `Writing file ${index + 1} of ${parts.length}` });
        const data = writePart(doc, part, input.name);
        totalBytes += data.byteLength;
        if (totalBytes > MAX_OUTPUT_BYTES) {
          throw new ToolInputError(
            `Splitting ${input.name} this way makes more than ${formatBytes(MAX_OUTPUT_BYTES)} of files (its pages share large images or fonts). Choose fewer, longer parts.`,
            { fileName: input.name },
          );
        }
        outputs.push({ name: outputPdfName(input.name, part.label), mimeType: "application/pdf", data });
      }
      progress({ percent: 95, step: outputs.length > 1 ? `Packing ${formatCount(outputs.length, "file")} into a zip` : "Done" });
      return zipOutputsIfMany(outputs, outputPdfName(input.name, "split", "zip"));
    } finally {
      doc.destroy();
    }
  },
});

/** Which pages go into which file; checked before anything is written. */
function planParts(options: SplitOptions, pageCount: number, name: string): Part[] {
  const pages = (first: number, last: number) => rangeIndexes({ first, last });
  const label = (first: number, last: number) => (first === last ? `page-${first}` : `pages-${first}-${last}`);
  if (options.mode === "each") return pages(1, pageCount).map((index) => ({ label: label(index + 1, index + 1), indexes: [index] }));
  if (options.mode === "every") {
    const parts: Part[] = [];
    for (let first = 1; first <= pageCount; first += options.every) {
      const last = Math.min(pageCount, first + options.every - 1);
      parts.push({ label: label(first, last), indexes: pages(first, last) });
    }
    return parts;
  }
  const ranges = parsePageRanges(options.ranges, pageCount, name);
  // Ranges may overlap ("1-5000,1-5000,…"): the pages written are what costs, not the input's count.
  const written = countRangePages(ranges);
  if (written > MAX_PDF_PAGES) {
    throw new ToolInputError(`These ranges add up to ${formatCount(written, "page")}; a split writes at most ${formatCount(MAX_PDF_PAGES, "page")}.`, {
      fileName: name,
    });
  }
  return ranges.map((range) => ({ label: label(range.first, range.last), indexes: rangeIndexes(range) }));
}

function prepareForms(doc: mupdf.PDFDocument, name: string) {
  try {
    // A part cannot carry the file's /AcroForm; baking keeps what was typed visible (as merge does).
    if (doc.getTrailer().get("Root", "AcroForm").isDictionary()) doc.bake(false, true);
  } catch (error) {
    throw damaged(name, error);
  }
}

function writePart(source: mupdf.PDFDocument, part: Part, name: string): Uint8Array {
  const target = new mupdf.PDFDocument();
  try {
    withMupdfMessages(() => {
      // Grafting copies each page's objects as they are stored: content streams are
      // never inflated, and one map per part copies shared fonts and images once.
      const map = target.newGraftMap();
      try {
        for (const index of part.indexes) map.graftPage(-1, source, index);
        const first = part.indexes[0] ?? 0;
        part.indexes.forEach((sourceIndex, targetIndex) => {
          // Internal links are re-aimed for a part in reading order; a link to a page
          // outside the part has nowhere to go in it.
          copyPageAnnotations({ source, sourceIndex, target, targetIndex, pageOffset: -first, map });
        });
      } finally {
        map.destroy();
      }
    });
  } catch (error) {
    target.destroy();
    throw damaged(name, error);
  }
  try {
    return savePdf(target, name);
  } finally {
    target.destroy();
  }
}
