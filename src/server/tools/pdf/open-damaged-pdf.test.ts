import { describe, expect, it } from "vitest";
import { EngineFaultError } from "../engine-fault";
import { makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { ToolInputError } from "../tool-error";
import { mergePdfTool } from "./merge";
import { openOrRebuildPdf } from "./open-or-rebuild-pdf";
import { openPdf } from "./open-pdf";
import { pdfReadFailure } from "./pdf-read-failure";
import { splitPdfTool } from "./split";
import { DAMAGES } from "~/test/support/pdf/damage-pdf";
import { expectInputError, pdfInput, runPdfTool, unzipOutput } from "~/test/support/pdf/run-pdf-tool";

const good = makePdf("report", 5);
const expected = [1, 2, 3, 4, 5].map((page) => `report page ${page}`);

// Damage that poppler's pdfinfo reads through (bench/pdf-damaged-corpus-bench.ts checks the same kinds).
const readable = ["xref-offsets-zeroed", "xref-offsets-shifted", "xref-missing", "startxref-wrong", "startxref-missing", "trailer-missing", "garbage-suffix-20k", "line-endings-crlf"] as const;

describe("opening damaged PDFs", () => {
  it.each(readable)("merges a file with %s, every page in place", async (damage) => {
    const damaged = DAMAGES[damage](good);
    const [merged] = await runPdfTool(mergePdfTool, [pdfInput("damaged.pdf", damaged), pdfInput("cover.pdf", makePdf("cover", 1))]).run;
    expect(pageTexts(merged?.data ?? new Uint8Array())).toEqual([...expected, "cover page 1"]);
  });

  it("splits a file whose cross-reference offsets were all zeroed, which mupdf alone finds no pages in", async () => {
    const [zip] = await runPdfTool(splitPdfTool, [pdfInput("report.pdf", DAMAGES["xref-offsets-zeroed"](good))], { mode: "ranges", ranges: "1-2,3-5" }).run;
    const parts = unzipOutput(zip);
    expect(Object.keys(parts)).toEqual(["report-pages-1-2.pdf", "report-pages-3-5.pdf"]);
    expect(pageTexts(parts["report-pages-3-5.pdf"] ?? new Uint8Array())).toEqual(expected.slice(2));
  });

  it("still calls a file that no pass can read damaged, naming it", async () => {
    const junk = new Uint8Array(Buffer.from(`%PDF-1.7\n${"garbage that holds no objects at all\n".repeat(50)}%%EOF\n`, "latin1"));
    await expectInputError(runPdfTool(mergePdfTool, [pdfInput("junk.pdf", junk), pdfInput("ok.pdf", good)]).run, /^junk\.pdf is damaged and could not be read\.$/, "junk.pdf");
  });

  it("says a file cut short is incomplete, not damaged, even when nothing of it can be read", () => {
    expect(() => openPdf("cut.pdf", DAMAGES["truncated-at-50%"](good))).toThrow(/^cut\.pdf is incomplete/);
  });

  it("keeps refusing a password-protected file", () => {
    const locked = makePdf("secret", 1, { encrypt: "aes-256,user-password=secret,owner-password=owner" });
    expect(() => openPdf("locked.pdf", locked)).toThrow(/^locked\.pdf is password-protected/);
  });
});

describe("an engine fault while opening", () => {
  const trap = () => {
    throw new WebAssembly.RuntimeError("memory access out of bounds");
  };

  it("is an EngineFaultError naming the file, never 'damaged'", () => {
    const error = (() => {
      try {
        openOrRebuildPdf("report.pdf", good, trap);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EngineFaultError);
    expect(error).toMatchObject({ fileName: "report.pdf", engine: "PDF", message: "report.pdf could not be processed by the PDF engine." });
  });

  it("is an EngineFaultError when it strikes in the rebuilding pass", () => {
    let calls = 0;
    const failThenTrap = () => {
      calls += 1;
      if (calls === 1) throw new Error("cannot find object in xref");
      return trap();
    };
    expect(() => openOrRebuildPdf("report.pdf", good, failThenTrap)).toThrow(EngineFaultError);
    expect(calls).toBe(2);
  });

  it("is told apart from the file's own damage by the other PDF tools too", () => {
    expect(pdfReadFailure("a.pdf", new WebAssembly.RuntimeError("unreachable"), "a.pdf is damaged.")).toBeInstanceOf(EngineFaultError);
    const clean = pdfReadFailure("a.pdf", new Error("invalid key in dict"), "a.pdf is damaged.");
    expect(clean).toBeInstanceOf(ToolInputError);
    expect(clean.message).toBe("a.pdf is damaged.");
  });
});
