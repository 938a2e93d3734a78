import "server-only";
import { z } from "zod";
import { outputName } from "@/shared/output-names";
import { openPdf } from "../pdf/open-pdf";
import { pageSelectionOption, selectPages } from "../pdf/render-page-selection";
import { formatCount, ToolInputError } from "../tool-error";
import { defineTool, type ToolOutputFile } from "../types";
import { zipOutputsIfMany } from "../zip-outputs";
import { bodyFontSize, pageMarkdown } from "./extract-markdown";
import { readPageText, type PageText } from "./extract-page-text";

const extractOptions = z.object({
  format: z.enum(["txt", "md", "both"]).default("txt").describe("Plain text (.txt), Markdown with headings (.md), or both in a zip."),
  headings: z.boolean().default(true).describe("In Markdown, turn lines in larger type into headings."),
  pages: pageSelectionOption,
});

export const extractTextTool = defineTool({
  id: "text.extract",
  title: "Extract text",
  description: "Get the text out of a PDF as plain text or Markdown, page by page.",
  category: "text",
  accepts: ["application/pdf"],
  minFiles: 1,
  maxFiles: 1,
  options: extractOptions,
  limits: { maxInputBytes: 200_000_000, maxPages: 5_000 },
  async run({ inputs, options, progress, signal }) {
    const [input] = inputs;
    if (!input) throw new ToolInputError("Extract text needs a PDF.");
    const { doc, pageCount } = openPdf(input.name, await input.read());
    const pages: { number: number; text: PageText }[] = [];
    try {
      for (const [position, index] of selectPages(options.pages, pageCount, input.name).entries()) {
        signal.throwIfAborted();
        if (position % 10 === 0) progress({ percent: (90 * index) / pageCount, step: `Reading page ${index + 1} of ${pageCount}` });
        pages.push({ number: index + 1, text: readPageText(doc, index, input.name, options.format !== "txt") });
      }
    } finally {
      doc.destroy();
    }

    const missing = pages.filter((page) => page.text.plain === "");
    const note = (number: number, text: PageText) =>
      text.hasImages ? `Page ${number} has no text layer: run OCR to read it.` : `Page ${number} has no text.`;
    const outputs: ToolOutputFile[] = [];
    if (options.format !== "md") {
      const body = pages.map(({ number, text }) => `--- Page ${number} ---\n\n${text.plain || `[${note(number, text)}]`}`);
      outputs.push({ name: outputName(input.name, "text", "txt"), mimeType: "text/plain", data: utf8(body.join("\n\n")) });
    }
    if (options.format !== "txt") {
      const bodySize = bodyFontSize(pages.map((page) => page.text));
      const body = pages.map(({ number, text }) => `## Page ${number}\n\n${text.plain ? pageMarkdown(text, bodySize, options.headings) : `> ${note(number, text)}`}`);
      outputs.push({ name: outputName(input.name, "text", "md"), mimeType: "text/markdown", data: utf8(body.join("\n\n")) });
    }
    const scans = missing.filter((page) => page.text.hasImages).length;
    progress({
      percent: 100,
      step: scans > 0 ? `Read ${formatCount(pages.length, "page")}; ${formatCount(scans, "page")} without a text layer need OCR` : `Read ${formatCount(pages.length, "page")}`,
    });
    return zipOutputsIfMany(outputs, outputName(input.name, "text", "zip"));
  },
});

const utf8 = (text: string) => new TextEncoder().encode(`${text}\n`);
