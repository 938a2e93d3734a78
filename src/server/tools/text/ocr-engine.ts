import "server-only";
import path from "node:path";
import eng from "@tesseract.js-data/eng";
import { createWorker, OEM } from "tesseract.js";

// The traineddata comes from the npm package, never from tesseract.js's default
// CDN: a failed download there throws inside the worker thread and takes the
// process down. "4.0.0_best_int" is the LSTM model tesseract.js itself picks for
// LSTM-only recognition: 2.9 MB, ready in 0.7 s here against 1.0 s for 4.0.0, with
// the same text on our test pages. cacheMethod "none": nothing is written to disk.
const LANG_PATH = path.join(path.dirname(eng.langPath), "4.0.0_best_int");

export type Recognised = { text: string; words: number; textOnlyPdf: Uint8Array };
export type Recognise = (image: Uint8Array, dpi: number) => Promise<Recognised>;

/** One tesseract worker for a whole run (start-up costs about a second), always terminated. */
export async function withOcrEngine<T>(work: (recognise: Recognise) => Promise<T>): Promise<T> {
  let workerError: unknown = null;
  const worker = await createWorker("eng", OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    cacheMethod: "none",
    gzip: true,
    // Without a handler an error inside the worker is thrown at the top level.
    errorHandler: (error: unknown) => void (workerError ??= error),
  });
  try {
    return await work(async (image, dpi) => {
      await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
      const { data } = await worker.recognize(Buffer.from(image), { pdfTextOnly: true, pdfTitle: "OCR" }, { text: true, pdf: true, blocks: false });
      if (workerError) throw workerError;
      const pdf = data.pdf;
      if (!pdf) throw new Error("tesseract returned no PDF");
      const text = data.text.replace(/\s+$/, "");
      return { text, words: text.split(/\s+/).filter(Boolean).length, textOnlyPdf: Uint8Array.from(pdf) };
    });
  } finally {
    await worker.terminate();
  }
}

/** Gray pixels as a binary PGM: no PNG encoding here and no PNG decoding in the worker. */
export function toPgm(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, "latin1");
  return new Uint8Array(Buffer.concat([header, pixels]));
}
