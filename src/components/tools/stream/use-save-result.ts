"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { uploadFile } from "@/components/files/upload-file";
import { useTRPC } from "@/trpc/react";

/**
 * Keeps a streamed result among the person's files, as the Markdown Download
 * gives: a job's result would be stored there anyway, and a streamed one
 * should not be lost with the tab. It goes through the normal upload, so
 * quotas, ownership and a guest's 24-hour expiry apply as to any file.
 */
export function useSaveResult() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, markdown }: { name: string; markdown: string }) =>
      uploadFile(new File([markdown], name, { type: "text/markdown" }), { onProgress: () => undefined, signal: AbortSignal.timeout(60_000) }),
    onSuccess: (file) => toast.success(`Saved ${file.name} to your files`),
    onError: (error) => toast.error("Could not save the result", { description: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.file.list.queryKey() }),
  });
}
