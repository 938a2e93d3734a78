import { describe, expect, it } from "vitest";
import { decodeSummaryNotes, encodeSummaryNotes } from "./summary-notes-header";

describe("summary notes header", () => {
  it("carries notes with dashes and quotes through a header value", () => {
    const notes = ["Only pages 1–4 of 11 fit in one request; the rest was not read.", "Not read: “page 11” has no text layer."];
    const value = encodeSummaryNotes(notes);
    expect(() => new Headers({ "x-test": value })).not.toThrow();
    expect(decodeSummaryNotes(new Headers({ "x-test": value }).get("x-test"))).toEqual(notes);
  });

  it("reads a missing or damaged header as no notes", () => {
    expect(decodeSummaryNotes(null)).toEqual([]);
    expect(decodeSummaryNotes("%E0%A4%A")).toEqual([]);
    expect(decodeSummaryNotes(encodeURIComponent('{"a":1}'))).toEqual([]);
  });
});
