"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/trpc/react";
import type { JobItem } from "../dashboard-types";
import { isActiveJob } from "./job-status-badge";

/**
 * When a job that was queued or running finishes, its outputs are new files
 * and its pages count as usage: refresh those two, nothing else.
 */
export function useRefreshOnFinish(jobs: readonly JobItem[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const active = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const now = new Set(jobs.filter(isActiveJob).map((job) => job.id));
    const finished = [...active.current].some((id) => !now.has(id));
    active.current = now;
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: trpc.file.list.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.usage.summary.queryKey() });
  }, [jobs, queryClient, trpc]);
}
