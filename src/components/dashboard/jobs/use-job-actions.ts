"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/react";

/** Run again and Cancel for one job, with toasts; each refreshes only the lists it changes. */
export function useJobActions(toolTitle: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshJobs = () => queryClient.invalidateQueries({ queryKey: trpc.job.list.pathKey() });
  const rerun = useMutation(
    trpc.job.rerun.mutationOptions({
      onSuccess: async () => {
        toast.success(`${toolTitle} started again`);
        // A new job counts against today's job quota.
        await Promise.all([refreshJobs(), queryClient.invalidateQueries({ queryKey: trpc.usage.summary.queryKey() })]);
      },
      onError: (error) => toast.error("Could not run the job again", { description: error.message }),
    }),
  );
  const cancel = useMutation(
    trpc.job.cancel.mutationOptions({
      onSuccess: refreshJobs,
      onError: (error) => toast.error("Could not cancel the job", { description: error.message }),
    }),
  );
  return { rerun, cancel };
}
