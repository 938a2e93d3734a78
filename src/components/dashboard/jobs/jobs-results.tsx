"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { ListTodo, SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import type { JobItem, JobListParams, ToolInfo } from "../dashboard-types";
import { JobCard } from "./job-card";
import { isActiveJob } from "./job-status-badge";
import { useRefreshOnFinish } from "./use-refresh-on-finish";

// Live progress by polling the list while any job on it is queued or running:
// one request every 2 s, where a subscription per running job would hold one
// SSE connection each and soon exhaust the browser's six per host.
const POLL_MS = 2_000;

type JobsResultsProps = { params: JobListParams; tools: readonly ToolInfo[]; filtered: boolean; onClearFilters: () => void };

function jobListOptions(trpc: ReturnType<typeof useTRPC>, params: JobListParams) {
  return trpc.job.list.infiniteQueryOptions(params, {
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isActiveJob)) ? POLL_MS : false),
  });
}

/** The jobs, newest first, in batches with "Show older jobs". */
export function JobsResults({ params, tools, filtered, onClearFilters }: JobsResultsProps) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(jobListOptions(trpc, params));
  const jobs: JobItem[] = data.pages.flatMap((page) => page.items);
  const total = data.pages[0]?.total ?? 0;
  useRefreshOnFinish(jobs);
  const titleOf = (id: string) => tools.find((tool) => tool.id === id)?.title ?? id;

  if (jobs.length === 0) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-lg border py-10 text-center">
        {filtered ? <SearchX className="size-10 text-muted-foreground" aria-hidden /> : <ListTodo className="size-10 text-muted-foreground" aria-hidden />}
        <p className="text-muted-foreground">{filtered ? "No jobs match these filters." : "No jobs yet. Jobs you run with a tool appear here."}</p>
        {filtered ? (
          <Button variant="outline" onClick={onClearFilters}>
            Clear filters
          </Button>
        ) : (
          <Button asChild>
            <Link href="/">Pick a tool</Link>
          </Button>
        )}
      </div>
    );
  }

  return (
    <div className="grid gap-3">
      <ul aria-label="Jobs" className="grid gap-3">
        {jobs.map((job) => (
          <JobCard key={job.id} job={job} toolTitle={titleOf(job.tool)} />
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="text-muted-foreground">
          Showing {jobs.length.toLocaleString("en-US")} of {total.toLocaleString("en-US")} {total === 1 ? "job" : "jobs"}
        </p>
        {hasNextPage ? (
          <Button variant="outline" size="sm" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? "Loading…" : "Show older jobs"}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
