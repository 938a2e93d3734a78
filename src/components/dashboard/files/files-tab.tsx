"use client";

import { useMemo, useState } from "react";
import { QueryBoundary } from "@/components/tools/query-boundary";
import { FILES_PAGE_SIZE } from "../dashboard-types";
import { useDebouncedValue } from "../use-debounced-value";
import { DEFAULT_FILTERS, type FileFilters, isFiltered, toListParams } from "./file-list-options";
import { FilesResults } from "./files-results";
import { FilesSkeleton } from "./files-skeleton";
import { FilesToolbar } from "./files-toolbar";

/** The Files tab: the toolbar, then the page of files it selects. */
export function FilesTab() {
  const [filters, setFilters] = useState<FileFilters>(DEFAULT_FILTERS);
  const settled = useDebouncedValue(filters, 300);
  // A stable object per settled filter set, so the results can defer on it.
  const params = useMemo(() => toListParams(settled, FILES_PAGE_SIZE), [settled]);
  return (
    <div className="grid gap-4">
      <FilesToolbar filters={filters} onChange={setFilters} />
      <QueryBoundary fallback={<FilesSkeleton />} errorTitle="Could not load your files">
        <FilesResults
          params={params}
          filtered={isFiltered(settled)}
          onClearFilters={() => setFilters(DEFAULT_FILTERS)}
        />
      </QueryBoundary>
    </div>
  );
}
