import { z } from "zod";
import { deleteFile } from "@/server/services/files/delete-file";
import { listFiles } from "@/server/services/files/list-files";
import { getStorage } from "@/server/storage";
import { actorProcedure, createTRPCRouter } from "../trpc";

const fileId = z.string().min(1).max(64);

export const fileRouter = createTRPCRouter({
  list: actorProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(50), cursor: fileId.nullish() }).default({ limit: 50 }))
    .query(({ ctx, input }) => listFiles(ctx.db, ctx.actor, input)),

  delete: actorProcedure
    .input(z.object({ id: fileId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteFile(ctx.db, getStorage(), ctx.actor, input.id)),
});
