import "server-only";
import type { EmbeddingModelV4 } from "@ai-sdk/provider";
import { embed } from "ai";
import type { Actor } from "@/server/auth/actor";
import type { DbTx } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { buildTextQuery } from "./build-text-query";
import { fuseRankings } from "./fuse-rankings";
import { getVectorStore, normalize, toVectorLiteral } from "./vector-store";

export type ChunkHit = { id: string; fileId: string; fileName: string; position: number; pageStart: number; pageEnd: number; text: string };

export type SearchChunksInput = {
  fileIds: readonly string[];
  query: string;
  limit?: number;
  /** Adds vector ranking (hybrid search) for documents embedded with this same model. */
  embeddingModel?: EmbeddingModelV4 | null;
};

// Each ranking contributes this many candidates to the fusion.
const CANDIDATES = 24;

/**
 * The owner condition inside the SQL itself: chunks of files the actor owns
 * that have not expired (Prisma stores DateTime as UTC timestamps, hence the
 * UTC clock), exactly as ownedBy() does for ORM queries.
 */
function ownedFiles(actor: Actor, fileIds: readonly string[]): Prisma.Sql {
  const owner = actor.kind === "user" ? Prisma.sql`f."userId" = ${actor.userId}` : Prisma.sql`f."userId" IS NULL AND f."guestId" = ${actor.guestId}`;
  return Prisma.sql`c."fileId" IN (${Prisma.join([...fileIds])}) AND ${owner} AND (f."expiresAt" IS NULL OR f."expiresAt" > (now() AT TIME ZONE 'UTC'))`;
}

const COLUMNS = Prisma.sql`c."id", c."fileId", f."name" AS "fileName", c."position", c."pageStart", c."pageEnd", c."text"`;

function searchFullText(db: DbTx, where: Prisma.Sql, textQuery: string): Promise<ChunkHit[]> {
  return db.$queryRaw<ChunkHit[]>`
    SELECT ${COLUMNS} FROM "DocumentChunk" c JOIN "File" f ON f."id" = c."fileId", to_tsquery('simple', ${textQuery}) AS q
    WHERE ${where} AND c."tsv" @@ q
    ORDER BY ts_rank(c."tsv", q) DESC, c."position" LIMIT ${CANDIDATES}`;
}

async function searchVectors(db: DbTx, where: Prisma.Sql, model: EmbeddingModelV4, query: string): Promise<ChunkHit[]> {
  const { embedding } = await embed({ model, value: query, maxRetries: 1 });
  const vector = normalize(embedding);
  const sameModel = Prisma.sql`JOIN "Document" d ON d."fileId" = c."fileId" AND d."embeddingModel" = ${model.modelId}`;
  if ((await getVectorStore(db)) === "pgvector") {
    const literal = toVectorLiteral(vector);
    return db.$queryRaw<ChunkHit[]>`
      SELECT ${COLUMNS} FROM "DocumentChunk" c JOIN "File" f ON f."id" = c."fileId" ${sameModel}
      WHERE ${where} AND c."embeddingVector" IS NOT NULL AND vector_dims(c."embeddingVector") = ${vector.length}
      ORDER BY c."embeddingVector" <=> ${literal}::vector, c."position" LIMIT ${CANDIDATES}`;
  }
  // Unit vectors both: the dot product is the cosine similarity.
  return db.$queryRaw<ChunkHit[]>`
    SELECT ${COLUMNS} FROM "DocumentChunk" c JOIN "File" f ON f."id" = c."fileId" ${sameModel}
    WHERE ${where} AND cardinality(c."embedding") = ${vector.length}
    ORDER BY (SELECT sum(a * b) FROM unnest(c."embedding", ${vector}::real[]) AS t(a, b)) DESC, c."position" LIMIT ${CANDIDATES}`;
}

/**
 * The chunks of the actor's files that best match a question, best first:
 * full-text ranking, vector ranking when an embedding model is given, fused
 * by reciprocal rank when both exist. Files the actor does not own (or that
 * expired) contribute nothing, whatever ids are passed.
 */
export async function searchChunks(db: DbTx, actor: Actor, input: SearchChunksInput): Promise<ChunkHit[]> {
  if (input.fileIds.length === 0) return [];
  const where = ownedFiles(actor, input.fileIds);
  const textQuery = buildTextQuery(input.query);
  const [fullText, vectors] = await Promise.all([
    textQuery ? searchFullText(db, where, textQuery) : Promise.resolve([]),
    input.embeddingModel ? searchVectors(db, where, input.embeddingModel, input.query) : Promise.resolve([]),
  ]);
  return fuseRankings([fullText, vectors])
    .slice(0, input.limit ?? 8)
    .map(({ fusedScore: _score, ...hit }) => hit);
}

/** The first chunks of each file, for questions no ranking can match ("what is this about?"). */
export function leadingChunks(db: DbTx, actor: Actor, fileIds: readonly string[], perFile = 3): Promise<ChunkHit[]> {
  if (fileIds.length === 0) return Promise.resolve([]);
  return db.$queryRaw<ChunkHit[]>`
    SELECT ${COLUMNS} FROM "DocumentChunk" c JOIN "File" f ON f."id" = c."fileId"
    WHERE ${ownedFiles(actor, fileIds)} AND c."position" < ${perFile}
    ORDER BY c."position", c."fileId"`;
}
