import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { MockEmbeddingModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sampleReport } from "~/test/support/sample-report";
import { createEmbeddingModel } from "@/server/ai/create-ai-models";
import type { Actor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { createPrismaClient, db, type Db } from "@/server/db";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { multipartBody } from "~/test/support/multipart";
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "~/test/support/openai-compatible-server";
import { getDocumentStatus } from "./get-document-status";
import { ingestDocumentNow } from "./ingest-document-now";
import { searchChunks } from "./search-chunks";
import { getVectorStore, pinVectorStore } from "./vector-store";

// Ingestion and retrieval on the real database, with the offline defaults
// (no embedding model) and with embeddings in both stores.
const REPORT_PAGES = [...sampleReport.map((chunk) => chunk.text), ""];

const guest = (): Actor => ({ kind: "guest", guestId: createGuestId(), role: "GUEST" });

async function uploadReport(database: Db, actor: Actor, name = "report.pdf") {
  const [file] = await uploadFiles(database, getStorage(), actor, multipartBody([{ name, bytes: makeTextPdf(REPORT_PAGES) }]));
  if (!file) throw new Error("upload failed");
  await database.document.createMany({ data: [{ fileId: file.id }], skipDuplicates: true });
  return file;
}

/** Embeds by topic: one dimension per keyword family, so "blaze" lands next to the page about fire safety. */
function topicEmbeddingModel(): EmbeddingModelV4 {
  const topics = [/water|river|reservoir|drinking/i, /plant|membrane|treatment|commission/i, /money|revenue|debt|\$|finance|cost/i, /staff|injur|safety|apprentice|blaze/i];
  const embedText = (text: string) => topics.map((topic) => (text.match(new RegExp(topic, "gi"))?.length ?? 0) + 0.01);
  return new MockEmbeddingModelV4({
    modelId: "topic-test",
    doEmbed: async ({ values }) => ({ embeddings: values.map(embedText), warnings: [] }),
  });
}

describe("ingesting a PDF (offline defaults)", () => {
  it("stores chunks that remember their pages and reports blank pages", async () => {
    const actor = guest();
    const file = await uploadReport(db, actor);
    const extracted = await ingestDocumentNow(db, getStorage(), file.id, { embeddingModel: null, ocr: false });
    expect(extracted).toMatchObject({ pageCount: 11, unreadPages: [11] });

    const chunks = await db.documentChunk.findMany({ where: { fileId: file.id }, orderBy: { position: "asc" } });
    expect(chunks.length).toBe(extracted?.chunkCount);
    const millbrook = chunks.find((chunk) => chunk.text.includes("Millbrook treatment plant was commissioned"));
    const page7 = millbrook?.text.split("\f")[7 - (millbrook?.pageStart ?? 0)] ?? "";
    expect(page7).toContain("14 March 2023");
    expect(chunks.every((chunk) => chunk.text.length <= 1300 && chunk.pageStart <= chunk.pageEnd)).toBe(true);

    const status = await getDocumentStatus(db, actor, file.id);
    expect(status).toMatchObject({ status: "ready", progress: 100, pageCount: 11, pagesWithoutText: [11], search: "full-text" });
  });

  it("finds the page that holds a fact, for the owner only", async () => {
    const actor = guest();
    const file = await uploadReport(db, actor);
    await ingestDocumentNow(db, getStorage(), file.id, { embeddingModel: null, ocr: false });

    const hits = await searchChunks(db, actor, { fileIds: [file.id], query: "When was the Millbrook plant commissioned?" });
    expect(hits[0]).toMatchObject({ fileId: file.id, fileName: "report.pdf" });
    expect(hits[0]?.pageStart).toBeLessThanOrEqual(7);
    expect(hits[0]?.pageEnd).toBeGreaterThanOrEqual(7);
    expect(await searchChunks(db, guest(), { fileIds: [file.id], query: "Millbrook plant" })).toEqual([]);
  });
});

const vectorStores = [
  { store: "pgvector" as const, runs: inject("databaseKind") === "pglite" },
  { store: "array" as const, runs: true },
];

describe.each(vectorStores)("embeddings in the $store store", ({ store, runs }) => {
  // A client of its own, so pinning the store does not affect other tests.
  const client = createPrismaClient(inject("databaseUrl"));
  afterAll(() => client.$disconnect());

  it.runIf(runs)("stores unit vectors and ranks by meaning, fused with full-text search", async () => {
    if (store === "array") pinVectorStore(client, "array");
    expect(await getVectorStore(client)).toBe(store);
    const actor = guest();
    const file = await uploadReport(client, actor);
    const model = topicEmbeddingModel();
    await ingestDocumentNow(client, getStorage(), file.id, { embeddingModel: model, ocr: false });
    expect(await getDocumentStatus(client, actor, file.id)).toMatchObject({ status: "ready", search: "hybrid" });

    // "blaze" is on no page: only the vector ranking can find the page about safety.
    const hits = await searchChunks(client, actor, { fileIds: [file.id], query: "blaze", embeddingModel: model });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.text).toContain("lost-time injuries");
    const hybrid = await searchChunks(client, actor, { fileIds: [file.id], query: "Millbrook membrane plant", embeddingModel: model });
    expect(hybrid[0]?.text).toContain("Millbrook");
  });
});

describe("vector store detection", () => {
  it("uses pgvector where the database has it (PGlite) and real[] where it does not (Debian's PostgreSQL 15)", async () => {
    const client = createPrismaClient(inject("databaseUrl"));
    try {
      expect(await getVectorStore(client)).toBe(inject("databaseKind") === "pglite" ? "pgvector" : "array");
    } finally {
      await client.$disconnect();
    }
  });
});

describe("embeddings through @ai-sdk/openai (local OpenAI-compatible server)", () => {
  let server: OpenAiCompatibleServer;
  beforeAll(async () => {
    server = await startOpenAiCompatibleServer();
  });
  afterAll(() => server.close());
  const model = () => {
    const embedding = createEmbeddingModel({ OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: server.baseUrl, OPENAI_EMBEDDING_MODEL: "nomic-embed-text" });
    if (!embedding) throw new Error("expected an embedding model");
    return embedding;
  };

  it("embeds every chunk through /v1/embeddings and searches hybrid", async () => {
    const actor = guest();
    const file = await uploadReport(db, actor);
    await ingestDocumentNow(db, getStorage(), file.id, { embeddingModel: model(), ocr: false });
    expect(await getDocumentStatus(db, actor, file.id)).toMatchObject({ status: "ready", search: "hybrid" });
    expect(server.requests.filter((request) => request.path === "/v1/embeddings").length).toBeGreaterThan(0);
    const hits = await searchChunks(db, actor, { fileIds: [file.id], query: "Millbrook plant commissioned", embeddingModel: model() });
    expect(hits.some((hit) => hit.text.includes("14 March 2023"))).toBe(true);
  });

  it("keeps a document usable by full text when the provider refuses embeddings", async () => {
    const actor = guest();
    const file = await uploadReport(db, actor);
    server.reply({ kind: "unauthorized" });
    await ingestDocumentNow(db, getStorage(), file.id, { embeddingModel: model(), ocr: false });
    expect(await getDocumentStatus(db, actor, file.id)).toMatchObject({ status: "ready", search: "full-text", error: null });
    const hits = await searchChunks(db, actor, { fileIds: [file.id], query: "Millbrook plant" });
    expect(hits[0]?.text).toContain("Millbrook");
  });
});
