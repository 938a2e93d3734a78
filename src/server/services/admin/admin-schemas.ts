import "server-only";
import { z } from "zod";
import { assignableRoleSchema } from "@/shared/roles";


export const listUsersInput = z.object({
  query: z.string().trim().max(254).default(""),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type ListUsersInput = z.infer<typeof listUsersInput>;

const userId = z.string().min(1).max(64);

export const setUserRoleInput = z.object({ userId, role: assignableRoleSchema });

export const setUserDisabledInput = z.object({ userId, disabled: z.boolean() });
