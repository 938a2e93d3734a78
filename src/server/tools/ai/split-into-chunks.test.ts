import { describe, expect, it } from "vitest";
import { PAGE_BREAK, splitIntoChunks, toPromptPassages } from "./split-into-chunks";

const sentence = (page: number, index: number) => `Page ${page} sentence ${index} says something ordinary about water pipes and pumps.`;
const page = (number: number, sentences: number) => ({ page: number, text: Array.from({ length: sentences }, (_, index) => sentence(number, index + 1)).join(" ") });

describe("splitIntoChunks", () => {
  it("makes chunks of whole sentences, 800 to 1200 characters, numbered in order", () => {
    const chunks = splitIntoChunks([page(1, 60)]);
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_, index) => index));
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.text.length).toBeGreaterThanOrEqual(800);
      expect(chunk.text.length).toBeLessThanOrEqual(1200);
      expect(chunk.text).toMatch(/^Page 1 sentence \d+ .*pumps\.$/);
    }
  });

  it("repeats a short last sentence at the start of the next chunk", () => {
    const [first, second] = splitIntoChunks([page(1, 30)]);
    const lastOfFirst = first?.text.split(/(?<=\.) /).at(-1);
    expect(second?.text.startsWith(lastOfFirst ?? "?")).toBe(true);
  });

  it("carries a short page over into the next chunk and keeps each passage's page", () => {
    const chunks = splitIntoChunks([{ page: 1, text: "Appendix A." }, { page: 3, text: "The pump was replaced in May." }]);
    expect(chunks).toEqual([{ position: 0, pageStart: 1, pageEnd: 3, text: `Appendix A.${PAGE_BREAK}${PAGE_BREAK}The pump was replaced in May.` }]);
    expect(toPromptPassages(chunks[0] ?? { pageStart: 1, text: "" }, "a.pdf")).toEqual([
      { fileName: "a.pdf", page: 1, text: "Appendix A." },
      { fileName: "a.pdf", page: 3, text: "The pump was replaced in May." },
    ]);
  });

  it("closes a chunk at a page turn once it is long enough, without overlap across the turn", () => {
    const chunks = splitIntoChunks([page(1, 7), page(2, 3)]);
    expect(chunks.map(({ pageStart, pageEnd }) => [pageStart, pageEnd])).toEqual([[1, 1], [2, 2]]);
    expect(chunks[1]?.text.startsWith("Page 2 sentence 1")).toBe(true);
  });

  it("cuts a sentence longer than a chunk between words", () => {
    const long = Array.from({ length: 400 }, (_, index) => `word${index}`).join(" ");
    const chunks = splitIntoChunks([{ page: 4, text: long }]);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.text.length <= 1200 && chunk.pageStart === 4)).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join(" ").split(" ")).toHaveLength(400);
  });
});
