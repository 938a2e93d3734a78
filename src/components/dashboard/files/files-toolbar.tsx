"use client";

import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FilterSelect } from "@/components/common/filter-select";
import { FILE_KIND_OPTIONS, FILE_SORT_OPTIONS, type FileFilters } from "./file-list-options";

type FilesToolbarProps = { filters: FileFilters; onChange: (filters: FileFilters) => void };

/** Search box, type filter and sort order of the Files tab. */
export function FilesToolbar({ filters, onChange }: FilesToolbarProps) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid min-w-56 flex-1 gap-1.5">
        <Label htmlFor="file-search">Search files</Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            id="file-search"
            type="search"
            placeholder="File name"
            className="pl-8"
            value={filters.search}
            onChange={(event) => onChange({ ...filters, search: event.target.value })}
          />
        </div>
      </div>
      <FilterSelect id="file-kind" label="Type" width="w-36" value={filters.kind} options={FILE_KIND_OPTIONS} onChange={(kind) => onChange({ ...filters, kind })} />
      <FilterSelect id="file-sort" label="Sort by" width="w-40" value={filters.sort} options={FILE_SORT_OPTIONS} onChange={(sort) => onChange({ ...filters, sort })} />
    </div>
  );
}
