import { describe, expect, it } from "vitest";
import type { ToolInfo } from "@/components/tools/tool-types";
import { suggestTools } from "./suggest-tools";

const available: ToolInfo["availability"] = { available: true, reason: null, adminHint: null };
const tool = (id: string, accepts: string[], maxFiles = 1, availability = available) => ({ id, accepts, maxFiles, availability }) as unknown as ToolInfo;
const catalogue = [
  tool("pdf.merge", ["application/pdf"], 20),
  tool("pdf.compress", ["application/pdf"]),
  tool("image.resize", ["image/png", "image/jpeg"], 20),
  tool("ai.translate", ["application/pdf", "text/plain"], 5, { available: false, reason: "No model.", adminHint: null }),
];
const ids = (tools: ToolInfo[]) => tools.map((candidate) => candidate.id);

describe("suggestTools", () => {
  it("suggests the available tools that take the file's type", () => {
    expect(ids(suggestTools([{ name: "report.pdf", type: "application/pdf" }], catalogue))).toEqual(["pdf.merge", "pdf.compress"]);
    expect(ids(suggestTools([{ name: "photo.PNG", type: "" }], catalogue))).toEqual(["image.resize"]);
  });

  it("keeps only tools that take every file and that many of them", () => {
    const two = [{ name: "a.pdf", type: "application/pdf" }, { name: "b.pdf", type: "" }];
    expect(ids(suggestTools(two, catalogue))).toEqual(["pdf.merge"]);
    expect(ids(suggestTools([{ name: "a.pdf", type: "" }, { name: "b.jpg", type: "image/jpeg" }], catalogue))).toEqual([]);
  });

  it("suggests nothing for a type no tool takes", () => {
    expect(suggestTools([{ name: "archive.zip", type: "application/zip" }], catalogue)).toEqual([]);
    expect(suggestTools([], catalogue)).toEqual([]);
  });
});
