import { describe, expect, it } from "vitest";
import { buildResultMarkdown, resultFileName } from "./build-result-markdown";

describe("buildResultMarkdown", () => {
  it("writes the job's format: heading, notes as one quote, then the text", () => {
    const markdown = buildResultMarkdown({
      title: "Summary",
      fileName: "report.pdf",
      notes: ["Offline mode: sentences are quoted.", "Not read: page 11 has no text layer."],
      text: "  The plant opened in 2023. [p. 7]\n",
    });
    expect(markdown).toBe("# Summary of report.pdf\n\n> Offline mode: sentences are quoted.\n>\n> Not read: page 11 has no text layer.\n\nThe plant opened in 2023. [p. 7]\n");
  });

  it("has no quote without notes, and says so when Stop cut the text short", () => {
    expect(buildResultMarkdown({ title: "Key points", fileName: "a.txt", notes: [], text: "- One [p. 1]" })).toBe("# Key points of a.txt\n\n- One [p. 1]\n");
    expect(buildResultMarkdown({ title: "Summary", fileName: "a.txt", notes: [], text: "Half", stopped: true })).toBe(
      "# Summary of a.txt\n\n> Stopped before the end: this text is incomplete.\n\nHalf\n",
    );
  });
});

describe("resultFileName", () => {
  it("names the file as the job names its output", () => {
    expect(resultFileName("report.pdf", "summary.md")).toBe("report-summary.md");
    expect(resultFileName("scan.final.PNG", "key-points.md")).toBe("scan.final-key-points.md");
  });
});
