import "server-only";
import { z } from "zod";
import { roleSchema } from "@/shared/roles";
import { actorProcedure, createTRPCRouter } from "../trpc";

const viewerOutput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("user"),
    id: z.string(),
    role: roleSchema,
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  z.object({ kind: z.literal("guest"), role: z.literal("GUEST") }),
]);

export const viewerRouter = createTRPCRouter({
  /** Who the caller is. A guest's id stays in its cookie, never in responses. */
  get: actorProcedure
    .input(z.void())
    .output(viewerOutput)
    .query(({ ctx }) => {
      const { actor } = ctx;
      return actor.kind === "user"
        ? { kind: "user" as const, id: actor.userId, role: actor.role, name: actor.name, email: actor.email }
        : { kind: "guest" as const, role: "GUEST" as const };
    }),
});
