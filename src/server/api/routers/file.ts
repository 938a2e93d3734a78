import "server-only";
import { z } from "zod";
import { deleteFile } from "@/server/services/files/delete-file";
import { deleteFiles } from "@/server/services/files/delete-files";
import { listFiles } from "@/server/services/files/list-files";
import { listFilesInput } from "@/server/services/files/list-files-input";
import { getStorage } from "@/server/storage";
import { actorProcedure, createTRPCRouter } from "../trpc";

const fileId = z.string().min(1).max(64);

export const fileRouter = createTRPCRouter({
  /** Search by name, filter by kind, sort by date, name or size; keyset pages with the matching total. */
  list: actorProcedure.input(listFilesInput).query(({ ctx, input }) => listFiles(ctx.db, ctx.actor, input)),

  delete: actorProcedure
    .input(z.object({ id: fileId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteFile(ctx.db, getStorage(), ctx.actor, input.id)),

  /** Deletes the caller's files among `ids`; others' ids are skipped. Returns how many were deleted. */
  deleteMany: actorProcedure
    .input(z.object({ ids: z.array(fileId).min(1).max(100) }))
    .output(z.object({ count: z.number().int() }))
    .mutation(({ ctx, input }) => deleteFiles(ctx.db, getStorage(), ctx.actor, input.ids)),
});
