// Time to first token of a document chat against a local OpenAI-compatible
// server: the model called directly vs FileForge's chat service (quota check,
// ownership, retrieval over a 200-page document, prompt building, persisting),
// p50/p95 over 100 requests each, alternating. Plus ingestion pages/s for a
// text PDF and for scanned pages (OCR). In process on an embedded PGlite; the
// HTTP route around the service adds only body parsing and the cookie check.
import { startOpenAiCompatibleServer } from "../test/support/openai-compatible-server";
import { openBenchApp, startBenchEnvironment } from "./support/bench-environment";
import { percentile } from "./support/timing";
import { writeBenchResults } from "./support/write-results";

const REQUESTS = 100;
const server = await startOpenAiCompatibleServer({ defaultText: "The plant was commissioned in 1987, as page 7 says [report.pdf p. 7]." });
const database = await startBenchEnvironment("ai", { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: "bench", OPENAI_MODEL: "bench-model" });

const { createOpenAI } = await import("@ai-sdk/openai");
const { streamText } = await import("ai");
const { db, storage, storeFile } = await openBenchApp();
const { ingestDocumentNow } = await import("../src/server/services/documents/ingest-document-now");
const { streamDocumentChat } = await import("../src/server/services/chat/stream-document-chat");
const { getLanguageModel } = await import("../src/server/ai/get-language-model");
const { logger } = await import("../src/server/logger");
const { makePdf } = await import("../test/support/pdf/make-pdf");
const { makeScannedPdf } = await import("../test/support/pdf/make-scanned-pdf");

const admin = await db.user.create({ data: { email: "bench@example.test", name: "Bench", role: "ADMIN" } });
const actor = { kind: "user" as const, userId: admin.id, role: "ADMIN" as const, email: admin.email, name: admin.name };

const storePdf = (name: string, bytes: Uint8Array) => storeFile({ userId: admin.id }, name, "application/pdf", bytes);

async function ingestPagesPerSecond(name: string, bytes: Uint8Array, pages: number, ocr: boolean) {
  const file = await storePdf(name, bytes);
  await db.document.create({ data: { fileId: file.id } }); // "pending", as requestDocumentIngestion leaves it
  const started = performance.now();
  await ingestDocumentNow(db, storage, file.id, { embeddingModel: null, ocr });
  return { file, pagesPerSecond: Math.round((pages / ((performance.now() - started) / 1000)) * 100) / 100 };
}

const text = await ingestPagesPerSecond("report.pdf", makePdf("Report", 200, { linesPerPage: 30 }), 200, false);
// Pages of print, as the OCR tool's benchmark scans them: a page that is mostly
// the generator's paper texture keeps tesseract busy for minutes and reads as noise.
const scanLines = (page: number) => Array.from({ length: 36 }, (_, line) => `Page ${page}, line ${line + 1}: the quick brown fox jumps over the lazy dog, invoice ${4700 + line}.`);
const scan = await ingestPagesPerSecond("scan.pdf", await makeScannedPdf(3, 300, [8.5, 11], scanLines), 3, true);

const direct = createOpenAI({ baseURL: server.baseUrl, apiKey: "bench" }).chat("bench-model");
async function directTtft() {
  const started = performance.now();
  const result = streamText({ model: direct, prompt: "When was the plant commissioned?" });
  for await (const _delta of result.textStream) return performance.now() - started;
  return Number.NaN;
}
async function serviceTtft(index: number) {
  const started = performance.now();
  const response = await streamDocumentChat(
    { db, storage, actor, log: logger, model: getLanguageModel("chat"), embeddingModel: null },
    { chatId: `bench_${index}_${Date.now()}`, message: { id: `q_${index}`, role: "user", parts: [{ type: "text", text: "When was the plant commissioned?" }] }, fileIds: [text.file.id] },
  );
  if (!response.body) return Number.NaN;
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    if (decoder.decode(chunk as Uint8Array).includes('"text-delta"')) return performance.now() - started;
  }
  return Number.NaN;
}

const directTimes: number[] = [];
const serviceTimes: number[] = [];
await directTtft();
await serviceTtft(-1); // warm both paths
for (let i = 0; i < REQUESTS; i += 1) {
  directTimes.push(await directTtft());
  serviceTimes.push(await serviceTtft(i));
}
const results = {
  machine: `${(await import("node:os")).cpus().length} vCPU`,
  node: process.version,
  document: "200-page text PDF, 30 lines a page, full-text retrieval (no embedding model)",
  timeToFirstTokenMs: {
    direct: { p50: percentile(directTimes, 50), p95: percentile(directTimes, 95) },
    chatService: { p50: percentile(serviceTimes, 50), p95: percentile(serviceTimes, 95) },
    addedAtP50: Math.round((percentile(serviceTimes, 50) - percentile(directTimes, 50)) * 10) / 10,
    target: "≤ 20 ms added at p50",
  },
  ingestion: { textPagesPerSecond: text.pagesPerSecond, ocrPagesPerSecond: scan.pagesPerSecond },
};
await writeBenchResults("ai-chat", results);
await server.close();
await db.$disconnect();
await database.drop();
process.exit(0);
