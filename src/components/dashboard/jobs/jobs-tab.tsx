"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { JOBS_PAGE_SIZE } from "../dashboard-types";
import { DEFAULT_JOB_FILTERS, type JobFilters, toJobParams } from "./job-filter-options";
import { JobsFilters } from "./jobs-filters";
import { JobsResults } from "./jobs-results";

/** The Jobs tab: filters, then the matching jobs (the previous ones stay, dimmed, while new filters load). */
export function JobsTab() {
  const trpc = useTRPC();
  const { data: tools } = useSuspenseQuery(trpc.tool.list.queryOptions());
  const [filters, setFilters] = useState<JobFilters>(DEFAULT_JOB_FILTERS);
  const params = useMemo(() => toJobParams(filters, JOBS_PAGE_SIZE), [filters]);
  const shown = useDeferredValue(params);
  return (
    <div className="grid gap-4">
      <JobsFilters filters={filters} tools={tools} onChange={setFilters} />
      <div className={cn("transition-opacity", shown !== params && "opacity-60")} aria-busy={shown !== params}>
        <JobsResults
          params={shown}
          tools={tools}
          filtered={shown.status !== undefined || shown.tool !== undefined}
          onClearFilters={() => setFilters(DEFAULT_JOB_FILTERS)}
        />
      </div>
    </div>
  );
}
