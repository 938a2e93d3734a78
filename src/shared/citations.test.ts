import { describe, expect, it } from "vitest";
import { formatCitation, parseCitations } from "@/shared/citations";

describe("citations", () => {
  it("formats page-only and file-and-page citations", () => {
    expect(formatCitation({ page: 3 })).toBe("[p. 3]");
    expect(formatCitation({ fileName: "report.pdf", page: 3 })).toBe("[report.pdf p. 3]");
    expect(formatCitation({ fileName: "odd [draft].pdf", page: 1 })).toBe("[odd draft.pdf p. 1]");
  });

  it("finds citations with their positions, in the forms models write", () => {
    const text = "Revenue rose [p. 9]. Costs grew [annual report 2023.pdf p. 12] and [report.pdf, p. 4] or [page 5] or [pp. 6-7].";
    expect(parseCitations(text).map(({ fileName, page }) => ({ fileName, page }))).toEqual([
      { fileName: undefined, page: 9 },
      { fileName: "annual report 2023.pdf", page: 12 },
      { fileName: "report.pdf", page: 4 },
      { fileName: undefined, page: 5 },
      { fileName: undefined, page: 6 },
    ]);
    const [first] = parseCitations(text);
    expect(first && text.slice(first.start, first.end)).toBe("[p. 9]");
  });

  it("round-trips what it formats and ignores brackets that are not citations", () => {
    const text = `A ${formatCitation({ fileName: "a.pdf", page: 2 })} B [1] C [see above] D [p. 0]`;
    expect(parseCitations(text).map(({ fileName, page }) => ({ fileName, page }))).toEqual([{ fileName: "a.pdf", page: 2 }]);
  });
});
