"use client";

import type { ToolInfo } from "../dashboard-types";
import { FilterSelect } from "@/components/common/filter-select";
import { JOB_STATUS_OPTIONS, type JobFilters } from "./job-filter-options";

type JobsFiltersProps = { filters: JobFilters; tools: readonly ToolInfo[]; onChange: (filters: JobFilters) => void };

/** Status and tool filters of the Jobs tab. */
export function JobsFilters({ filters, tools, onChange }: JobsFiltersProps) {
  const toolOptions = [{ value: "all", label: "All tools" }, ...tools.map((tool) => ({ value: tool.id, label: tool.title }))];
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSelect id="job-status" label="Status" width="w-40" value={filters.status} options={JOB_STATUS_OPTIONS} onChange={(status) => onChange({ ...filters, status })} />
      <FilterSelect id="job-tool" label="Tool" width="w-52" value={filters.tool} options={toolOptions} onChange={(tool) => onChange({ ...filters, tool })} />
    </div>
  );
}
