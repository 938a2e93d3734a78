import { describe, expect, it } from "vitest";
import { splitIntoChunks } from "@/server/tools/ai/split-into-chunks";
import { pagesFromChunks } from "./pages-from-chunks";

const sentence = (page: number, index: number) => `Page ${page} sentence ${index} says something worth keeping about topic ${page * 100 + index}.`;

describe("pagesFromChunks", () => {
  it("gives back each page's text once, from chunks that overlap and run over page breaks", () => {
    // Long pages (several chunks each, with repeated short sentences) and short ones (chunks across page breaks).
    const pages = [
      { page: 1, text: Array.from({ length: 40 }, (_, index) => sentence(1, index)).join(" ") },
      { page: 2, text: sentence(2, 0) },
      { page: 3, text: "" },
      { page: 4, text: `${sentence(4, 0)} ${sentence(4, 1)}` },
      { page: 5, text: Array.from({ length: 25 }, (_, index) => sentence(5, index)).join(" ") },
    ];
    const chunks = splitIntoChunks(pages);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.some((chunk) => chunk.pageStart !== chunk.pageEnd)).toBe(true);
    expect(pagesFromChunks(chunks, "a.pdf")).toEqual(pages.filter((page) => page.text).map((page) => ({ fileName: "a.pdf", ...page })));
  });

  it("keeps a sentence a page really repeats", () => {
    const chunks = [{ pageStart: 1, text: "Yes. Yes." }, { pageStart: 2, text: "Yes." }];
    expect(pagesFromChunks(chunks, "a.txt").map((page) => page.text)).toEqual(["Yes. Yes.", "Yes."]);
  });
});
