"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/react";

const POLL_MS = 1_000;

/**
 * A document's preparation status, polled while it is under way. A document
 * never prepared (or one that failed and is chosen again) is asked for once.
 */
export function useDocumentStatus(fileId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(
    trpc.document.status.queryOptions(
      { fileId },
      { refetchInterval: (query) => (query.state.data && ["ready", "failed"].includes(query.state.data.status) ? false : POLL_MS) },
    ),
  );
  // The answer becomes the status, so polling resumes after a retry of a failed document.
  const ingest = useMutation(trpc.document.ingest.mutationOptions({ onSuccess: (view) => queryClient.setQueryData(trpc.document.status.queryKey({ fileId }), view) }));
  const notStarted = status.data?.status === "not-started";
  const { mutate, isIdle } = ingest;
  useEffect(() => {
    if (notStarted && isIdle) mutate({ fileId });
  }, [notStarted, isIdle, mutate, fileId]);
  return { status: status.data ?? ingest.data ?? null, error: status.error ?? ingest.error, retry: () => ingest.mutate({ fileId }) };
}
