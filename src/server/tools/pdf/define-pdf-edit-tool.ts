import "server-only";
import type { z } from "zod";
import { defineTool, type ToolDefinition, type ToolInputFile } from "../types";
import { type EditTarget, editEachPdf, type OpenedPdf } from "./edit-each-pdf";
import { MAX_PDF_INPUT_BYTES, MAX_PDF_PAGES } from "./save-pdf";

type PdfEditToolSpec<TSchema extends z.ZodType> = Pick<ToolDefinition<TSchema>, "id" | "title" | "description" | "maxFiles" | "options"> & {
  /** "Rotating": the progress label reads "Rotating page 3 of 12". */
  verb: string;
  /** "rotated": report.pdf comes back as report-rotated.pdf. */
  suffix: string;
  saveOptions?: string;
  /** How to open one file, when the usual checks are not what the tool needs (unlock, repair). */
  open?: (input: ToolInputFile, options: z.output<TSchema>) => Promise<OpenedPdf>;
  /** Changes one document in place; may return a line for the last progress update. */
  edit(target: EditTarget, options: z.output<TSchema>): string | void;
};

/**
 * A one-PDF-in, one-PDF-out tool over a batch (rotate, watermark, unlock …):
 * everything but its options and its edit is the same for all of them.
 */
export function definePdfEditTool<TSchema extends z.ZodType>(spec: PdfEditToolSpec<TSchema>): ToolDefinition<TSchema> {
  const { open, edit } = spec;
  return defineTool({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    category: "pdf",
    accepts: ["application/pdf"],
    minFiles: 1,
    maxFiles: spec.maxFiles,
    options: spec.options,
    limits: { maxInputBytes: MAX_PDF_INPUT_BYTES, maxPages: MAX_PDF_PAGES },
    run: ({ inputs, options, progress, signal }) =>
      editEachPdf({
        inputs,
        progress,
        signal,
        verb: spec.verb,
        suffix: spec.suffix,
        saveOptions: spec.saveOptions,
        open: open && ((input) => open(input, options)),
        edit: (target) => edit(target, options),
      }),
  });
}
