"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/react";

/** file.deleteMany with its toasts; refreshes only what a deletion changes. */
export function useDeleteFiles() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.file.deleteMany.mutationOptions({
      onSuccess: async ({ count }, { ids }) => {
        if (count === ids.length) toast.success(count === 1 ? "File deleted" : `${count} files deleted`);
        else toast.warning(`${count} of ${ids.length} files deleted`, { description: "The others were already gone." });
        // The list shrinks, and jobs lose the inputs or outputs these files were.
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.file.list.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.job.list.pathKey() }),
        ]);
      },
      onError: (error) => toast.error("Could not delete", { description: error.message }),
    }),
  );
}
