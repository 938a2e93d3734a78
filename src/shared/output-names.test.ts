import { describe, expect, it } from "vitest";
import { createNameAllocator, nameExtension, outputName, withExtension } from "@/shared/output-names";

describe("output names", () => {
  it("swaps the extension, keeping the rest of the name", () => {
    expect(withExtension("holiday photo.PNG", "webp")).toBe("holiday photo.webp");
    expect(withExtension("archive.tar.gz", "png")).toBe("archive.tar.png");
    expect(withExtension("scan", "jpg")).toBe("scan.jpg");
    expect(withExtension(".png", "jpg")).toBe("file.jpg");
    expect(withExtension(" .png", "jpg")).toBe("file.jpg");
  });

  it("names a result after its input and what the tool did", () => {
    expect(outputName("report.pdf", "ocr")).toBe("report-ocr.pdf");
    expect(outputName("report.pdf", "compressed", "pdf")).toBe("report-compressed.pdf");
    expect(outputName("photo.PNG", "resized")).toBe("photo-resized.png");
    expect(outputName("report.pdf", "pages-1-3")).toBe("report-pages-1-3.pdf");
    expect(outputName("Q3 report.final.pdf", "ocr", "txt")).toBe("Q3 report.final-ocr.txt");
  });

  it("keeps only the last path segment of a name with folders", () => {
    expect(outputName("C:\\fakepath\\report.pdf", "ocr")).toBe("report-ocr.pdf");
    expect(outputName("../../etc/passwd", "ocr", "txt")).toBe("passwd-ocr.txt");
    expect(outputName("reports/", "ocr", "pdf")).toBe("file-ocr.pdf");
  });

  it("replaces characters a disk refuses and strips hiding or vanishing dots", () => {
    expect(outputName('a<b>:"c|d?*e\u0000.pdf', "ocr")).toBe("a_b___c_d__e_-ocr.pdf");
    expect(outputName("...secret.pdf", "ocr")).toBe("secret-ocr.pdf");
    expect(outputName("draft. .pdf", "ocr")).toBe("draft-ocr.pdf");
  });

  it("keeps unicode, composed, and cuts very long names on a character boundary", () => {
    expect(outputName("Cafe\u0301 menu.pdf", "ocr")).toBe("Café menu-ocr.pdf");
    expect(outputName("报告.pdf", "compressed")).toBe("报告-compressed.pdf");
    const long = outputName(`${"🧾".repeat(200)}.pdf`, "compressed");
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(200);
    expect(long).toMatch(/^(🧾)+-compressed\.pdf$/u);
  });

  it("gives a name with no extension none, unless the tool says which", () => {
    expect(outputName("scan", "ocr")).toBe("scan-ocr");
    expect(outputName("scan", "ocr", "pdf")).toBe("scan-ocr.pdf");
    expect(nameExtension("notes.tar.GZ")).toBe("gz");
    expect(nameExtension("weird.ext with space")).toBe("");
  });

  it("numbers names already given in this run, ignoring case", () => {
    const allocate = createNameAllocator();
    expect(["a.webp", "A.webp", "a.webp", "b.webp", "a (2).webp"].map(allocate)).toEqual([
      "a.webp", "A (2).webp", "a (3).webp", "b.webp", "a (2) (2).webp",
    ]);
  });
});
