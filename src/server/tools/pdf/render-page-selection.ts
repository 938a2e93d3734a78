import "server-only";
import { z } from "zod";
import { formatCount, ToolInputError } from "../tool-error";

/** The option every page-drawing tool shares: which pages, as a person writes them. */
export const pageSelectionOption = z
  .string()
  .trim()
  .max(500)
  .regex(/^(\s*\d+\s*(-\s*\d*\s*)?)(,\s*\d+\s*(-\s*\d*\s*)?)*$|^\s*(all)?\s*$/i, 'Write pages like "1-3, 5, 8-" (or leave empty for all pages)')
  .default("")
  .describe('Pages to use, e.g. "1-3, 5, 8-" (8- means page 8 to the end). Leave empty for all pages.');

/** "1-3, 5, 8-" → zero-based indices in the order written, without repeats; empty or "all" → every page. */
export function selectPages(selection: string, pageCount: number, fileName: string): number[] {
  const text = selection.trim().toLowerCase();
  if (text === "" || text === "all") return Array.from({ length: pageCount }, (_, index) => index);
  const chosen = new Set<number>();
  for (const part of text.split(",")) {
    const [startText = "", endText] = part.split("-").map((piece) => piece.trim());
    const start = Number(startText);
    const end = endText === undefined ? start : endText === "" ? pageCount : Number(endText);
    if (start < 1 || start > pageCount || end > pageCount) {
      const wanted = Math.max(start, end);
      throw new ToolInputError(`${fileName} has ${formatCount(pageCount, "page")}, so page ${wanted.toLocaleString("en-US")} does not exist. Check the page numbers.`, { fileName });
    }
    if (end < start) {
      throw new ToolInputError(`"${part.trim()}" counts backwards; write the lower page number first.`, { fileName });
    }
    for (let page = start; page <= end; page += 1) chosen.add(page - 1);
  }
  return [...chosen];
}
