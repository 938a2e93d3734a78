"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { deleteFile } from "./delete-file";

/**
 * Deletes every file the visitor owns (`file.list`, all pages) plus `extraIds`
 * the page knows of, via DELETE /api/files/:id. Rejects with a readable
 * message when some could not be deleted.
 */
export function useDeleteAllFiles() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ extraIds }: { extraIds: readonly string[] }) => {
      const ids = new Set(extraIds);
      let cursor: string | null = null;
      do {
        const page = await client.file.list.query({ limit: 100, cursor });
        for (const file of page.items) ids.add(file.id);
        cursor = page.nextCursor;
      } while (cursor);
      const results = await Promise.allSettled([...ids].map((id) => deleteFile(id)));
      const failed = results.filter((result) => result.status === "rejected").length;
      if (failed > 0) throw new Error(`${failed} of ${ids.size} files could not be deleted. Try again.`);
      return ids.size;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.file.list.queryKey() }),
  });
}
