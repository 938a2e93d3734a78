"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/trpc/react";

/**
 * A job's live state: `job.get` in the query cache, kept current by the
 * `job.onUpdate` subscription (which ends by itself when the job finishes).
 */
export function useJob(jobId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery(trpc.job.get.queryOptions(jobId ? { id: jobId } : skipToken));
  const updates = useSubscription(
    trpc.job.onUpdate.subscriptionOptions(jobId ? { id: jobId } : skipToken, {
      onData: ({ data }) => {
        queryClient.setQueryData(trpc.job.get.queryKey({ id: data.id }), data);
        // Results are new files: the guest banner's list (and expiry) changes.
        if (data.status === "succeeded") void queryClient.invalidateQueries({ queryKey: trpc.file.list.queryKey() });
      },
    }),
  );
  return { job, connectionLost: updates.status === "error" || (updates.status === "connecting" && updates.error !== null) };
}
