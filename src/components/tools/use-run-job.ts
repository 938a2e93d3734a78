"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToolSessionStore } from "@/stores/tool-session-store";
import { useTRPC } from "@/trpc/react";

/** Starts a job (`job.create`) and puts it on the page; `useJob` follows it from there. */
export function useRunJob() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setJobId = useToolSessionStore((state) => state.setJobId);
  return useMutation(
    trpc.job.create.mutationOptions({
      onSuccess: (job) => {
        queryClient.setQueryData(trpc.job.get.queryKey({ id: job.id }), job);
        setJobId(job.id);
        void queryClient.invalidateQueries({ queryKey: trpc.job.list.queryKey() });
      },
    }),
  );
}

/** Cancels the job on the page; the answer (and the subscription) show the canceled state. */
export function useCancelJob() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.job.cancel.mutationOptions({
      onSuccess: (job) => {
        queryClient.setQueryData(trpc.job.get.queryKey({ id: job.id }), job);
        void queryClient.invalidateQueries({ queryKey: trpc.job.list.queryKey() });
      },
    }),
  );
}
