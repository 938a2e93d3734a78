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

/** A page tesseract did not finish in the time it was given (see `pageTimeoutMs`). */
export class OcrPageTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`OCR did not finish the page within ${Math.round(timeoutMs / 1000)} s`);
    this.name = "OcrPageTimeoutError";
  }
}

type Engine = { worker: Awaited<ReturnType<typeof createWorker>>; error: unknown };

async function startEngine(): Promise<Engine> {
  // Each worker has its own error slot: a terminated one reporting late must not fail the next page.
  const engine: Engine = { worker: null as unknown as Engine["worker"], error: null };
  engine.worker = await createWorker("eng", OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    cacheMethod: "none",
    gzip: true,
    // Without a handler an error inside the worker is thrown at the top level.
    errorHandler: (error: unknown) => void (engine.error ??= error),
  });
  return engine;
}

async function recognisePage({ worker, error }: Engine, image: Uint8Array, dpi: number): Promise<Recognised> {
  await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
  const { data } = await worker.recognize(Buffer.from(image), { pdfTextOnly: true, pdfTitle: "OCR" }, { text: true, pdf: true, blocks: false });
  if (error) throw error;
  const pdf = data.pdf;
  if (!pdf) throw new Error("tesseract returned no PDF");
  const text = data.text.replace(/\s+$/, "");
  return { text, words: text.split(/\s+/).filter(Boolean).length, textOnlyPdf: Uint8Array.from(pdf) };
}

/**
 * One tesseract worker for a whole run (start-up costs about a second), always
 * terminated. With `pageTimeoutMs`, a page that takes longer (a photo whose
 * texture tesseract reads as thousands of tiny glyphs can take minutes) fails
 * with OcrPageTimeoutError: tesseract cannot stop mid-page, so its worker is
 * ended and the next page gets a fresh one.
 */
export async function withOcrEngine<T>(work: (recognise: Recognise) => Promise<T>, options: { pageTimeoutMs?: number } = {}): Promise<T> {
  let engine = await startEngine();
  try {
    return await work(async (image, dpi) => {
      const { pageTimeoutMs } = options;
      if (!pageTimeoutMs) return recognisePage(engine, image, dpi);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new OcrPageTimeoutError(pageTimeoutMs)), pageTimeoutMs);
      });
      try {
        // race() also handles the abandoned page's rejection when its worker is ended.
        return await Promise.race([recognisePage(engine, image, dpi), timedOut]);
      } catch (error) {
        if (error instanceof OcrPageTimeoutError) {
          await engine.worker.terminate().catch(() => undefined);
          engine = await startEngine();
        }
        throw error;
      } finally {
        clearTimeout(timer);
      }
    });
  } finally {
    await engine.worker.terminate();
  }
}

/** Gray pixels as a binary PGM: no PNG encoding here and no PNG decoding in the worker. */
export function toPgm(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, "latin1");
  return new Uint8Array(Buffer.concat([header, pixels]));
}
