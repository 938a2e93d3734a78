import "server-only";
import { z } from "zod";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import { formatNumber, PageStamper, STAMP_FONT, textWidth, type StampFrame } from "./stamp-page";
import { isWinAnsiText, WIN_ANSI_HINT, winAnsiHexString } from "./win-ansi";

// A small font on a huge page would tile thousands of copies; past this the
// spacing grows instead, so every page costs about the same.
const MAX_TILES = 200;

const watermarkOptions = z.object({
  text: z.string().trim().min(1, "Type the watermark text").max(200).refine(isWinAnsiText, WIN_ANSI_HINT).default("CONFIDENTIAL").describe("The words to print across each page."),
  fontSize: z.number().min(8).max(300).default(60).describe("Text size in points."),
  opacity: z.number().min(0.05).max(1).default(0.3).describe("How solid the text is, from 0.05 (faint) to 1 (solid)."),
  rotation: z.number().min(-180).max(180).default(45).describe("Angle of the text in degrees, counter-clockwise (used by center and tile)."),
  position: z.enum(["diagonal", "center", "tile"]).default("diagonal").describe("diagonal: once, corner to corner. center: once, in the middle. tile: repeated over the whole page."),
});
type WatermarkOptions = z.output<typeof watermarkOptions>;

export const watermarkPdfTool = definePdfEditTool({
  id: "pdf.watermark",
  title: "Add watermark",
  description: "Print see-through text such as CONFIDENTIAL or DRAFT across every page.",
  maxFiles: 20,
  options: watermarkOptions,
  verb: "Watermarking",
  suffix: "watermarked",
  edit: ({ doc, pageCount, onPage }, options) => {
    const stamper = new PageStamper(doc, options.opacity);
    for (let index = 0; index < pageCount; index += 1) {
      onPage(index);
      stamper.stamp(index, (frame) => drawWatermark(frame, options));
    }
    return `Watermarked ${pageCount} pages`;
  },
});

function drawWatermark(frame: StampFrame, options: WatermarkOptions): string {
  const { text, fontSize } = options;
  const width = textWidth(text, fontSize);
  const centre = { x: frame.width / 2, y: frame.height / 2 };
  const shows: string[] = [];
  const show = (x: number, y: number, degrees: number) => {
    const radians = (degrees * Math.PI) / 180;
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
    // Tm puts the text's centre at (x, y); Td moves back half its width and a third of its size.
    const matrix = [cos, sin, -sin, cos, x, y].map(formatNumber).join(" ");
    shows.push(`${matrix} Tm ${formatNumber(-width / 2)} ${formatNumber(-fontSize * 0.35)} Td ${winAnsiHexString(text)} Tj`);
  };
  if (options.position === "diagonal") show(centre.x, centre.y, (Math.atan2(frame.height, frame.width) * 180) / Math.PI);
  else if (options.position === "center") show(centre.x, centre.y, options.rotation);
  else tile(frame, width, fontSize, (x, y) => show(x, y, options.rotation));
  return `0.5 g BT /${STAMP_FONT} ${formatNumber(fontSize)} Tf ${shows.join("\n")} ET`;
}

/** Centres on a grid that covers the page at any angle: a square as wide as its diagonal. */
function tile(frame: StampFrame, width: number, fontSize: number, at: (x: number, y: number) => void) {
  const diagonal = Math.hypot(frame.width, frame.height);
  let stepX = width + fontSize * 2;
  let stepY = fontSize * 4;
  const wanted = Math.ceil(diagonal / stepX) * Math.ceil(diagonal / stepY);
  if (wanted > MAX_TILES) {
    const grow = Math.sqrt(wanted / MAX_TILES);
    stepX *= grow;
    stepY *= grow;
  }
  const columns = Math.ceil(diagonal / stepX / 2);
  const rows = Math.ceil(diagonal / stepY / 2);
  for (let row = -rows; row <= rows; row += 1) {
    // Every other row is offset by half a step, like bricks, so words don't line up in columns.
    const shift = row % 2 === 0 ? 0 : stepX / 2;
    for (let column = -columns; column <= columns; column += 1) at(frame.width / 2 + column * stepX + shift, frame.height / 2 + row * stepY);
  }
}
