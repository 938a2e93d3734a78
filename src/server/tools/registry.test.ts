import { describe, expect, it } from "vitest";
import { getTool, listTools, toolAcceptsFiles } from "./registry";

describe("tool registry", () => {
  it("lists each tool once, each with usable default options and sane limits", () => {
    const ids = listTools().map((tool) => tool.id);
    expect(ids).toEqual(expect.arrayContaining(["pdf.merge", "image.convert"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const tool of listTools()) {
      expect(tool.options.safeParse({}).success).toBe(true);
      expect(tool.minFiles).toBeGreaterThanOrEqual(1);
      expect(tool.maxFiles).toBeGreaterThanOrEqual(tool.minFiles);
      expect(tool.limits.maxInputBytes).toBeGreaterThan(0);
    }
  });

  it("finds a tool by id and throws for an unknown one", () => {
    expect(getTool("pdf.merge").title).toBe("Merge PDFs");
    expect(() => getTool("pdf.explode")).toThrow('Unknown tool "pdf.explode"');
  });

  it("accepts files only when their number and every sniffed type fit", () => {
    const merge = getTool("pdf.merge");
    expect(toolAcceptsFiles(merge, ["application/pdf", "application/pdf"])).toBe(true);
    expect(toolAcceptsFiles(merge, ["application/pdf"])).toBe(false);
    expect(toolAcceptsFiles(merge, ["application/pdf", "image/png"])).toBe(false);
    const convert = getTool("image.convert");
    expect(toolAcceptsFiles(convert, ["image/png", "image/jpeg", "image/avif"])).toBe(true);
    expect(toolAcceptsFiles(convert, ["image/heic", "image/tiff"])).toBe(true);
    expect(toolAcceptsFiles(convert, ["application/pdf"])).toBe(false);
    expect(toolAcceptsFiles(convert, [])).toBe(false);
  });
});
