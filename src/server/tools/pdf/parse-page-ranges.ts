import "server-only";
import { z } from "zod";
import { formatCount, ToolInputError } from "../tool-error";

/** 1-based and inclusive, as a person writes them; `first > last` runs backwards ("5-3" is 5, 4, 3). */
export type PageRange = { first: number; last: number };

// Long enough for any list a person types, short enough that parsing it is never work.
const MAX_TEXT = 2_000;

/** The option field for a page list; the tool parses it once it knows the page count. */
export function pageListOption(defaultValue: string, description: string) {
  return z.string().trim().max(MAX_TEXT, `Keep the page list under ${MAX_TEXT.toLocaleString("en-US")} characters`).default(defaultValue).describe(description);
}

const ITEM = /^(\d*)\s*(?:(-)\s*(\d*))?$/;

/**
 * Reads "1-3, 5, 8-" against a file's page count. "8-" runs to the last page and
 * "-3" starts at the first. Mistakes come back as messages that name the file and
 * say what to type instead.
 */
export function parsePageRanges(text: string, pageCount: number, fileName: string): PageRange[] {
  const fail = (message: string) => new ToolInputError(message, { fileName });
  const items = text.split(",").map((item) => item.trim());
  if (items.every((item) => item === "")) throw fail("Type the pages to use, for example 1-3,5.");
  const ranges: PageRange[] = [];
  for (const item of items) {
    if (item === "") continue; // "1,,2" and a trailing comma are slips, not errors
    const match = ITEM.exec(item);
    const [, from = "", dash, to = ""] = match ?? [];
    if (!match || (from === "" && to === "")) {
      throw fail(`"${item}" isn't a page or a range of pages. Write them like 1-3,5,8-.`);
    }
    const first = from === "" ? 1 : checkPage(Number(from), pageCount, fileName);
    const last = dash === undefined ? first : to === "" ? pageCount : checkPage(Number(to), pageCount, fileName);
    ranges.push({ first, last });
  }
  return ranges;
}

function checkPage(page: number, pageCount: number, fileName: string): number {
  if (page < 1) throw new ToolInputError("Pages are counted from 1.", { fileName });
  if (page > pageCount) {
    throw new ToolInputError(`Page ${page.toLocaleString("en-US")} doesn't exist: ${fileName} has ${formatCount(pageCount, "page")}.`, {
      fileName,
    });
  }
  return page;
}

/** The 0-based page indexes of a range, in its own direction. */
export function rangeIndexes({ first, last }: PageRange): number[] {
  const step = first <= last ? 1 : -1;
  return Array.from({ length: Math.abs(last - first) + 1 }, (_, offset) => first - 1 + offset * step);
}

/** How many pages the ranges name, counting repeats, without listing them. */
export function countRangePages(ranges: readonly PageRange[]): number {
  return ranges.reduce((sum, { first, last }) => sum + Math.abs(last - first) + 1, 0);
}

/** "all" (or nothing) means every page; otherwise the set of 0-based indexes the ranges name. */
export function parsePageSelection(text: string, pageCount: number, fileName: string): Set<number> {
  if (text.trim() === "" || text.trim().toLowerCase() === "all") return new Set(Array.from({ length: pageCount }, (_, index) => index));
  return new Set(parsePageRanges(text, pageCount, fileName).flatMap(rangeIndexes));
}
