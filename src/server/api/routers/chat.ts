import "server-only";
import { z } from "zod";
import { deleteChat, getChat, listChats } from "@/server/services/chat/manage-chats";
import { actorProcedure, createTRPCRouter } from "../trpc";

// Chats are created and answered by POST /api/chat (a stream); these read and delete them.
const chatId = z.string().min(1).max(64);

export const chatRouter = createTRPCRouter({
  list: actorProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(30) }).default({ limit: 30 }))
    .query(({ ctx, input }) => listChats(ctx.db, ctx.actor, input)),

  get: actorProcedure.input(z.object({ id: chatId })).query(({ ctx, input }) => getChat(ctx.db, ctx.actor, input.id)),

  delete: actorProcedure
    .input(z.object({ id: chatId }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteChat(ctx.db, ctx.actor, input.id)),
});
