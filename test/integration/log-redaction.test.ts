import { APICallError } from "ai";
import { MockEmbeddingModelV4 } from "ai/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { embedChunkBatchOrSkip } from "@/server/services/documents/embed-chunk-batch";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getStorage } from "@/server/storage";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { captureLogs } from "~/test/support/capture-logs";
import { multipartBody } from "~/test/support/multipart";

const PLANTED_SENTENCE = "The vault combination is seven-three-nine, known only to Ms Okafor.";
const PLANTED_PASSWORD = "hunter2-planted-pdf-password";


afterEach(() => vi.restoreAllMocks());

/** A provider that refuses the batch the way OpenAI-compatible servers do: the request and the body echo the passages. */
function failingEmbeddingModel(statusCode: number) {
  return new MockEmbeddingModelV4({
    modelId: "failing-embedder",
    doEmbed: async ({ values }) => {
      throw new APICallError({
        message: statusCode === 401 ? "Incorrect API key provided" : "Service unavailable",
        url: "http://127.0.0.1:9/v1/embeddings",
        requestBodyValues: { model: "failing-embedder", input: values },
        statusCode,
        responseBody: JSON.stringify({ error: { message: "could not embed", input: values } }),
        isRetryable: statusCode >= 500,
      });
    },
  });
}

async function documentWithPlantedSentence() {
  const actor = { kind: "guest" as const, guestId: createGuestId(), role: "GUEST" as const };
  const [file] = await uploadFiles(db, getStorage(), actor, multipartBody([{ name: "secret.pdf", bytes: makeTextPdf([PLANTED_SENTENCE]) }]));
  if (!file) throw new Error("upload failed");
  await db.document.create({ data: { fileId: file.id, status: "embedding" } });
  await db.documentChunk.create({ data: { fileId: file.id, position: 0, pageStart: 1, pageEnd: 1, text: PLANTED_SENTENCE } });
  return file;
}

describe("logs hold no secrets and no document text", () => {
  it("an embedding provider that refuses a batch is logged by ids and sizes, not passages", async () => {
    const logs = captureLogs();
    const file = await documentWithPlantedSentence();
    // Not retryable (bad key): skipped, logged.
    await expect(embedChunkBatchOrSkip(db, file.id, failingEmbeddingModel(401))).resolves.toMatchObject({ skipped: expect.any(String) });
    // Retryable (outage): logged and thrown for the durable function, which logs what it catches.
    const thrown = await embedChunkBatchOrSkip(db, file.id, failingEmbeddingModel(503)).catch((error: unknown) => error);
    logger.error({ err: thrown }, "step failed");

    const written = logs();
    expect(written).toContain(file.id);
    expect(written).toContain("failing-embedder");
    expect(written).not.toContain("seven-three-nine");
    expect(JSON.stringify(thrown)).not.toContain("seven-three-nine");
    expect(String((thrown as Error).message)).not.toContain("seven-three-nine");
  });

  it("passwords and tokens are removed wherever a caller puts them", () => {
    const logs = captureLogs();
    logger.info({ options: { password: PLANTED_PASSWORD } }, "job options");
    logger.info({ job: { input: { options: { password: PLANTED_PASSWORD } } } }, "nested");
    logger.info({ headers: { authorization: `Bearer ${PLANTED_PASSWORD}`, cookie: `s=${PLANTED_PASSWORD}` } }, "headers");
    logger.info({ password: PLANTED_PASSWORD, apiKey: PLANTED_PASSWORD, token: PLANTED_PASSWORD }, "top level");
    const written = logs();
    expect(written.split("\n").filter(Boolean)).toHaveLength(4);
    expect(written).not.toContain(PLANTED_PASSWORD);
  });
});
