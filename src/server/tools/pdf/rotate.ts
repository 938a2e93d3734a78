import "server-only";
import { z } from "zod";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import { pageListOption, parsePageSelection } from "./parse-page-ranges";

const rotateOptions = z.object({
  angle: z.literal([90, 180, 270]).default(90).describe("How far to turn the pages clockwise, in degrees."),
  pages: pageListOption("all", 'Which pages to turn: "all", or a list such as 1-3,5,8- (8- means page 8 to the end).'),
});

export const rotatePdfTool = definePdfEditTool({
  id: "pdf.rotate",
  title: "Rotate PDF",
  description: "Turn all pages, or the ones you pick, a quarter, half or three-quarter turn.",
  maxFiles: 20,
  options: rotateOptions,
  verb: "Rotating",
  suffix: "rotated",
  edit: ({ doc, pageCount, name, onPage }, options) => {
    const selected = parsePageSelection(options.pages, pageCount, name);
    for (const index of selected) {
      onPage(index);
      // /Rotate is only a viewing instruction: content, links and notes stay as
      // they are, and nothing is decoded. It may be inherited from the page tree,
      // so the page's effective value is read and written onto the page itself.
      const page = doc.findPage(index);
      const current = page.getInheritable("Rotate");
      page.put("Rotate", turn(current.isNumber() ? current.asNumber() : 0, options.angle));
    }
    return `Rotated ${selected.size === pageCount ? "every page" : `${selected.size} of ${pageCount} pages`} by ${options.angle}°`;
  },
});

/** A stored angle that is not a multiple of 90 is shown as 0 by viewers, so it turns from 0. */
function turn(current: number, angle: number): number {
  const start = Number.isInteger(current / 90) ? current : 0;
  return (((start + angle) % 360) + 360) % 360;
}
