import "server-only";
import { z } from "zod";

// file.list's input. Every field beyond the original { limit, cursor } is
// optional, so callers written before filters and sorting keep working.
export const FILE_KINDS = ["pdf", "image", "text", "other"] as const;
export const FILE_SORTS = ["createdAt", "name", "size"] as const;

export const listFilesInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(50),
    // Opaque keyset cursor (see keyset-cursor.ts); it holds a file name, hence the length.
    cursor: z.string().min(1).max(2048).nullish(),
    /** Case-insensitive part of the file name. */
    search: z.string().trim().max(200).optional(),
    type: z.enum(FILE_KINDS).optional(),
    sort: z.enum(FILE_SORTS).default("createdAt"),
    /** Defaults to newest / largest first, and A–Z for names. */
    direction: z.enum(["asc", "desc"]).optional(),
  })
  .default({ limit: 50, sort: "createdAt" });

export type ListFilesInput = z.output<typeof listFilesInput>;
export type FileKind = (typeof FILE_KINDS)[number];
