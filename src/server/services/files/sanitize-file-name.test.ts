import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "./sanitize-file-name";

describe("sanitizeFileName", () => {
  it("keeps ordinary names, including non-Latin ones", () => {
    expect(sanitizeFileName("Quarterly report.pdf")).toBe("Quarterly report.pdf");
    expect(sanitizeFileName("résumé – 日本語.pdf")).toBe("résumé – 日本語.pdf");
  });

  it("drops path parts from either separator", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\secret.pdf")).toBe("secret.pdf");
  });

  it("removes control and bidi-override characters that disguise names", () => {
    expect(sanitizeFileName("invoice\u0000\u0007.pdf")).toBe("invoice.pdf");
    expect(sanitizeFileName("photo\u202Egpj.exe")).toBe("photogpj.exe");
    expect(sanitizeFileName("a\r\nb.txt")).toBe("ab.txt");
  });

  it("removes every format, control and separator character the old list missed", () => {
    const hidden = [
      "\u00ad", // soft hyphen
      "\u061c", // Arabic letter mark (a bidi mark)
      "\u180e", // Mongolian vowel separator
      "\u2060", // word joiner
      "\u2061", // function application
      "\u206a", // inhibit symmetric swapping
      "\ufff9", // interlinear annotation anchor
      "\u{e0001}", // language tag
      "\u{e0041}", // tag letter A
      "\u2028", // line separator
      "\u2029", // paragraph separator
      "\ud800", // lone high surrogate
      "\udfff", // lone low surrogate
      "\u0085", // next line (C1)
    ];
    for (const character of hidden) {
      expect(sanitizeFileName(`inv${character}oice.pdf`), JSON.stringify(character)).toBe("invoice.pdf");
    }
    // Right-to-left override plus isolates: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf".
    expect(sanitizeFileName("invoice\u2067\u202efdp.exe\u2069")).toBe("invoicefdp.exe");
    // A real surrogate pair (an emoji) is kept.
    expect(sanitizeFileName("party 🎉.png")).toBe("party 🎉.png");
  });

  it("never returns an empty or hidden name", () => {
    expect(sanitizeFileName("")).toBe("file");
    expect(sanitizeFileName(null)).toBe("file");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName(".bashrc")).toBe("bashrc");
  });

  it("caps the length and keeps the extension", () => {
    const name = sanitizeFileName(`${"a".repeat(500)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(180);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition('résumé "final".pdf')).toBe(
      `attachment; filename="r_sum_ _final_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
  });
});
