import { describe, expect, it } from "vitest";
import { ToolInputError } from "../tool-error";
import { countRangePages, pageListOption, parsePageRanges, parsePageSelection, rangeIndexes } from "./parse-page-ranges";

const parse = (text: string, pages = 12) => parsePageRanges(text, pages, "report.pdf");

function errorOf(work: () => unknown): ToolInputError | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof ToolInputError ? error : null;
  }
}

describe("parsePageRanges", () => {
  it("reads single pages, ranges, open ends and spaces", () => {
    expect(parse("1-3, 5 ,8-")).toEqual([{ first: 1, last: 3 }, { first: 5, last: 5 }, { first: 8, last: 12 }]);
    expect(parse("-3")).toEqual([{ first: 1, last: 3 }]);
    expect(parse("4 - 6,")).toEqual([{ first: 4, last: 6 }]);
  });

  it("keeps backwards ranges backwards and counts repeats", () => {
    const ranges = parse("5-3,1,1");
    expect(ranges.flatMap(rangeIndexes)).toEqual([4, 3, 2, 0, 0]);
    expect(countRangePages(ranges)).toBe(5);
  });

  it("names the file and its page count for a page that doesn't exist", () => {
    const error = errorOf(() => parse("1-3,40"));
    expect(error?.message).toBe("Page 40 doesn't exist: report.pdf has 12 pages.");
    expect(error?.fileName).toBe("report.pdf");
    expect(errorOf(() => parse("2-1000000000"))?.message).toBe("Page 1,000,000,000 doesn't exist: report.pdf has 12 pages.");
    expect(errorOf(() => parsePageRanges("2", 1, "one.pdf"))?.message).toBe("Page 2 doesn't exist: one.pdf has 1 page.");
  });

  it("says how to write a list it can't read", () => {
    expect(errorOf(() => parse("1-3,abc"))?.message).toBe('"abc" isn\'t a page or a range of pages. Write them like 1-3,5,8-.');
    expect(errorOf(() => parse("1-2-3"))?.message).toMatch(/^"1-2-3" isn't a page/);
    expect(errorOf(() => parse("-"))?.message).toMatch(/^"-" isn't a page/);
    expect(errorOf(() => parse("0-2"))?.message).toBe("Pages are counted from 1.");
    expect(errorOf(() => parse(" , "))?.message).toBe("Type the pages to use, for example 1-3,5.");
  });
});

describe("parsePageSelection", () => {
  it("takes 'all' or nothing as every page, and a list as a set of indexes", () => {
    expect([...parsePageSelection("all", 3, "a.pdf")]).toEqual([0, 1, 2]);
    expect([...parsePageSelection("", 2, "a.pdf")]).toEqual([0, 1]);
    expect([...parsePageSelection("3,1-2,2", 5, "a.pdf")]).toEqual([2, 0, 1]);
  });
});

describe("pageListOption", () => {
  it("defaults, trims and refuses a list too long to be typed", () => {
    const option = pageListOption("1-", "Pages");
    expect(option.parse(undefined)).toBe("1-");
    expect(option.parse("  2-3 ")).toBe("2-3");
    expect(option.safeParse("1,".repeat(2_000)).success).toBe(false);
  });
});
