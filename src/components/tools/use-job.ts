"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "@/trpc/react";

const TERMINAL = ["succeeded", "failed", "canceled"];
// When the live stream is refused (too many open for this owner) or lost, the page polls.
const POLL_WITHOUT_STREAM_MS = 3_000;

/**
 * A job's live state: `job.get` in the query cache, kept current by the
 * `job.onUpdate` subscription (which ends by itself when the job finishes),
 * or by polling while that stream is down.
 */
export function useJob(jobId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const updates = useSubscription(
    trpc.job.onUpdate.subscriptionOptions(jobId ? { id: jobId } : skipToken, {
      onData: ({ data }) => {
        queryClient.setQueryData(trpc.job.get.queryKey({ id: data.id }), data);
        // Results are new files: the guest banner's list (and expiry) changes.
        if (data.status === "succeeded") void queryClient.invalidateQueries({ queryKey: trpc.file.list.queryKey() });
      },
    }),
  );
  const streamDown = updates.status === "error" || (updates.status === "connecting" && updates.error !== null);
  const job = useQuery({
    ...trpc.job.get.queryOptions(jobId ? { id: jobId } : skipToken),
    refetchInterval: (query) => (streamDown && !TERMINAL.includes(query.state.data?.status ?? "") ? POLL_WITHOUT_STREAM_MS : false),
  });
  return { job, connectionLost: streamDown };
}
