"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ToolInfo } from "../dashboard-types";
import { JOB_STATUS_OPTIONS, type JobFilters } from "./job-filter-options";

type JobsFiltersProps = { filters: JobFilters; tools: readonly ToolInfo[]; onChange: (filters: JobFilters) => void };

/** Status and tool filters of the Jobs tab. */
export function JobsFilters({ filters, tools, onChange }: JobsFiltersProps) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="job-status">Status</Label>
        <Select
          value={filters.status}
          onValueChange={(value) => onChange({ ...filters, status: JOB_STATUS_OPTIONS.find((option) => option.value === value)?.value ?? "all" })}
        >
          <SelectTrigger id="job-status" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {JOB_STATUS_OPTIONS.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="job-tool">Tool</Label>
        <Select value={filters.tool} onValueChange={(tool) => onChange({ ...filters, tool })}>
          <SelectTrigger id="job-tool" className="w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All tools</SelectItem>
            {tools.map((tool) => (
              <SelectItem key={tool.id} value={tool.id}>
                {tool.title}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    </div>
  );
}
