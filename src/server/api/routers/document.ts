import "server-only";
import { z } from "zod";
import { getDocumentStatus } from "@/server/services/documents/get-document-status";
import { requestDocumentIngestion } from "@/server/services/documents/request-document-ingestion";
import { actorProcedure, createTRPCRouter } from "../trpc";

const fileId = z.string().min(1).max(64);

export const documentRouter = createTRPCRouter({
  /** How far the file's preparation for AI features is (status, progress, pages without text). */
  status: actorProcedure.input(z.object({ fileId })).query(({ ctx, input }) => getDocumentStatus(ctx.db, ctx.actor, input.fileId)),

  /** Starts preparing the file unless it is ready or under way; returns the status. */
  ingest: actorProcedure.input(z.object({ fileId })).mutation(({ ctx, input }) => requestDocumentIngestion(ctx.db, ctx.actor, input.fileId)),
});
