import { describe, expect, it, vi } from "vitest";
import { runTool } from "../run-tool";
import { inputFile, recordProgress } from "~/test/support/input-file";
import { makeFormPdf, makePdf, pageTexts } from "~/test/support/pdf/make-pdf";
import { ToolInputError } from "../tool-error";
import { mergePdfTool } from "./merge";
import { mupdf, takeBytes } from "./mupdf-runtime";

const pdf = (name: string, data: Uint8Array) => inputFile(name, "application/pdf", data);

function merge(inputs: ReturnType<typeof pdf>[], signal = new AbortController().signal) {
  const recorder = recordProgress();
  const run = runTool(mergePdfTool, { inputs, options: {}, progress: recorder.progress, signal });
  return { run, updates: recorder.updates };
}

async function expectInputError(promise: Promise<unknown>, fileName: string | undefined, message: RegExp) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolInputError);
  expect(error).toMatchObject({ fileName });
  expect(error instanceof Error ? error.message : "").toMatch(message);
}

describe("pdf.merge", () => {
  it("puts every page in the order the files were given and reports rising progress", async () => {
    const files = [pdf("b.pdf", makePdf("file 2", 3)), pdf("a.pdf", makePdf("file 1", 2)), pdf("c.pdf", makePdf("file 3", 1))];
    const { run, updates } = merge(files);
    const [output, ...rest] = await run;

    expect(rest).toEqual([]);
    expect(output).toMatchObject({ name: "merged.pdf", mimeType: "application/pdf" });
    expect(pageTexts(output?.data ?? new Uint8Array())).toEqual([
      "file 2 page 1", "file 2 page 2", "file 2 page 3", "file 1 page 1", "file 1 page 2", "file 3 page 1",
    ]);
    const percents = updates.map((update) => update.percent);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    expect(percents.at(-1)).toBe(100);
    expect(updates.map((update) => update.step)).toContain("Merging file 3 of 3");
  });

  it("keeps notes and links, re-aiming internal links at the merged page", async () => {
    const doc = new mupdf.PDFDocument(makePdf("linked", 3));
    const page = doc.loadPage(0);
    page.createAnnotation("Text").setContents("a reviewer's note");
    page.createLink([50, 50, 200, 80], doc.formatLinkURI({ type: "Fit", chapter: 0, page: 2, x: 0, y: 0, width: 0, height: 0, zoom: 0 }));
    page.createLink([50, 100, 200, 130], "https://example.com/");
    const annotated = takeBytes(doc.saveToBuffer(""));

    const [output] = await merge([pdf("first.pdf", makePdf("first", 2)), pdf("linked.pdf", annotated)]).run;
    const merged = new mupdf.PDFDocument(output?.data ?? new Uint8Array());
    const mergedPage = merged.loadPage(2);
    expect(mergedPage.getAnnotations().map((annot) => annot.getContents())).toContain("a reviewer's note");
    const links = mergedPage.getLinks();
    expect(links.map((link) => link.getURI())).toContain("https://example.com/");
    const internal = links.find((link) => !link.isExternal());
    // Page 3 of linked.pdf is page 5 of the merged file (index 4).
    expect(internal && merged.resolveLink(internal)).toBe(4);
  });

  it("keeps what was typed into form fields, as page content", async () => {
    const [output] = await merge([pdf("form.pdf", makeFormPdf("form", "Jane Typed Name")), pdf("b.pdf", makePdf("b", 1))]).run;
    expect(pageTexts(output?.data ?? new Uint8Array())).toEqual(["form page 1\n\nJane Typed Name", "b page 1"]);
  });

  it("refuses a password-protected PDF, naming it", async () => {
    const locked = makePdf("secret", 1, { encrypt: "aes-256,user-password=secret,owner-password=owner" });
    const { run } = merge([pdf("ok.pdf", makePdf("ok", 1)), pdf("report.pdf", locked)]);
    await expectInputError(run, "report.pdf", /^report\.pdf is password-protected\. Unlock it first/);
  });

  it("refuses a truncated PDF without writing mupdf's warnings to stderr", async () => {
    const whole = makePdf("long", 5, { linesPerPage: 40 });
    const stderr = vi.spyOn(process.stderr, "write");
    const { run } = merge([pdf("whole.pdf", whole), pdf("cut.pdf", whole.slice(0, Math.floor(whole.length * 0.6)))]);
    await expectInputError(run, "cut.pdf", /^cut\.pdf is incomplete/);
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
  });

  it("refuses other bytes named .pdf", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await expectInputError(merge([pdf("ok.pdf", makePdf("ok", 1)), pdf("photo.pdf", png)]).run, "photo.pdf", /^photo\.pdf is not a PDF file\.$/);
  });

  it("refuses more than 5,000 pages in all, before merging anything", async () => {
    const big = makePdf("big", 2_501);
    const { run, updates } = merge([pdf("one.pdf", big), pdf("two.pdf", big)]);
    await expectInputError(run, undefined, /more than 5,000 pages together/);
    expect(updates.some((update) => update.step.startsWith("Merging"))).toBe(false);
  });

  it("refuses a single file and non-PDF types before reading them", async () => {
    await expectInputError(merge([pdf("only.pdf", makePdf("only", 1))]).run, undefined, /needs at least 2 files/);
    const image = inputFile("photo.png", "image/png", new Uint8Array(8));
    await expectInputError(merge([pdf("ok.pdf", makePdf("ok", 1)), image]).run, "photo.png", /photo\.png is not a kind of file/);
  });

  it("stops when the job is cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(merge([pdf("a.pdf", makePdf("a", 1)), pdf("b.pdf", makePdf("b", 1))], controller.signal).run).rejects.toThrow(/aborted/);
  });
});
