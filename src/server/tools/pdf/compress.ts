import "server-only";
import { z } from "zod";
import { outputName } from "@/shared/output-names";
import { formatBytes } from "@/shared/format-bytes";
import { ToolInputError } from "../tool-error";
import { defineTool } from "../types";
import { surveyImageResolutions } from "./compress-image-dpi";
import { recompressImages, type ImagePlan } from "./compress-images";
import { takeBytes, withMupdfMessages } from "./mupdf-runtime";
import { openPdf } from "./open-pdf";

// "high" is close to Ghostscript's /ebook preset at 100 dpi; "medium" to /ebook itself.
const PLANS: Record<"medium" | "high", Omit<ImagePlan, "grayscale">> = {
  medium: { targetDpi: 150, quality: 75 },
  high: { targetDpi: 100, quality: 60 },
};
// Lossless for every level: unused objects dropped, duplicates merged, streams and
// the cross-reference table compressed. "clean"/"sanitize" are left out: they
// rewrite every content stream, which costs time and gains little.
const SAVE_OPTIONS = "garbage=deduplicate,compress,compress-fonts,compress-images,objstms";

const compressOptions = z.object({
  level: z
    .enum(["low", "medium", "high"])
    .default("medium")
    .describe("Low changes nothing you can see. Medium shrinks photos and scans to 150 dpi. High shrinks them to 100 dpi at lower quality, for email."),
  grayscale: z.boolean().default(false).describe("Turn photos and scans grey for a smaller file (medium and high only; text and drawings keep their colours)."),
});

export const compressPdfTool = defineTool({
  id: "pdf.compress",
  title: "Compress PDF",
  description: "Make a PDF smaller, shrinking its photos and scans as much as you choose.",
  category: "pdf",
  accepts: ["application/pdf"],
  minFiles: 1,
  maxFiles: 1,
  options: compressOptions,
  limits: { maxInputBytes: 200_000_000 },
  async run({ inputs, options, progress, signal }) {
    const [input] = inputs;
    if (!input) throw new ToolInputError("Compress PDF needs a PDF.");
    const original = await input.read();
    const { doc } = openPdf(input.name, original);
    try {
      if (options.level !== "low") {
        const resolutions = surveyImageResolutions(doc, input.name, (index, count) =>
          progress({ percent: (15 * index) / count, step: `Measuring images on page ${index + 1} of ${count}` }),
        );
        const plan = { ...PLANS[options.level], grayscale: options.grayscale };
        await recompressImages(doc, resolutions, plan, (done, total) => progress({ percent: 15 + (70 * done) / total, step: `Compressing image ${done} of ${total}` }), signal);
      }
      signal.throwIfAborted();
      progress({ percent: 88, step: "Saving the compressed PDF" });
      const data = takeBytes(withMupdfMessages(() => doc.saveToBuffer(SAVE_OPTIONS)).value);
      const name = outputName(input.name, "compressed", "pdf");
      if (data.length >= original.length) {
        // Handing back a bigger (or equal) file would be worse than doing nothing.
        progress({ percent: 100, step: `No gain: this PDF is already compact (${formatBytes(original.length)})` });
        return [{ name, mimeType: "application/pdf", data: original }];
      }
      const saved = Math.round((100 * (original.length - data.length)) / original.length);
      progress({ percent: 100, step: `Compressed ${formatBytes(original.length)} → ${formatBytes(data.length)} (${saved}% smaller)` });
      return [{ name, mimeType: "application/pdf", data }];
    } finally {
      doc.destroy();
    }
  },
});
