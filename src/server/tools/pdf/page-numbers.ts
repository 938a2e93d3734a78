import "server-only";
import { z } from "zod";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import { formatNumber, PageStamper, STAMP_FONT, textWidth, type StampFrame } from "./stamp-page";
import { winAnsiHexString } from "./win-ansi";

const POSITIONS = ["bottom-center", "bottom-right", "bottom-left", "top-center", "top-right", "top-left"] as const;
const FORMATS = ["{n}", "{n} / {total}", "Page {n} of {total}"] as const;

const pageNumberOptions = z.object({
  position: z.enum(POSITIONS).default("bottom-center").describe("Where on each page the number goes."),
  format: z.enum(FORMATS).default("{n}").describe("How the number reads: {n} is the page's number, {total} the last number."),
  startAt: z.number().int().min(0).max(100_000).default(1).describe("The number the first page gets."),
  fontSize: z.number().min(6).max(72).default(11).describe("Text size in points (12 is ordinary body text)."),
  margin: z.number().min(0).max(144).default(28).describe("Distance from the page edge in points (72 points = 1 inch, 28 ≈ 1 cm)."),
  skipFirstPage: z.boolean().default(false).describe("Leave the first page (a cover) without a number; counting still includes it."),
});
type PageNumberOptions = z.output<typeof pageNumberOptions>;

export const pageNumbersPdfTool = definePdfEditTool({
  id: "pdf.page-numbers",
  title: "Add page numbers",
  description: "Print a page number on every page, where and how you like.",
  maxFiles: 20,
  options: pageNumberOptions,
  verb: "Numbering",
  suffix: "numbered",
  edit: ({ doc, pageCount, onPage }, options) => {
    const stamper = new PageStamper(doc);
    const total = options.startAt + pageCount - 1;
    for (let index = options.skipFirstPage ? 1 : 0; index < pageCount; index += 1) {
      onPage(index);
      const label = options.format.replace("{n}", String(options.startAt + index)).replace("{total}", String(total));
      stamper.stamp(index, (frame) => drawLabel(label, frame, options));
    }
    return `Numbered ${pageCount - (options.skipFirstPage ? 1 : 0)} pages`;
  },
});

function drawLabel(label: string, frame: StampFrame, { position, fontSize, margin }: PageNumberOptions): string {
  const width = textWidth(label, fontSize);
  const [vertical, horizontal] = position.split("-");
  // A margin wider than a small page would push the number off it; keep it on the page.
  const inset = Math.min(margin, Math.max(0, (frame.width - width) / 2), Math.max(0, (frame.height - fontSize) / 2));
  const x = horizontal === "left" ? inset : horizontal === "right" ? frame.width - inset - width : (frame.width - width) / 2;
  // The baseline: at the bottom the text sits on the margin, at the top its cap height hangs from it.
  const y = vertical === "bottom" ? inset : frame.height - inset - fontSize * 0.72;
  return `0 g BT /${STAMP_FONT} ${formatNumber(fontSize)} Tf ${formatNumber(x)} ${formatNumber(y)} Td ${winAnsiHexString(label)} Tj ET`;
}
