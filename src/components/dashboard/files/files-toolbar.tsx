"use client";

import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
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
      <div className="grid gap-1.5">
        <Label htmlFor="file-kind">Type</Label>
        <Select value={filters.kind} onValueChange={(value) => onChange({ ...filters, kind: FILE_KIND_OPTIONS.find((option) => option.value === value)?.value ?? "all" })}>
          <SelectTrigger id="file-kind" className="w-36">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {FILE_KIND_OPTIONS.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="file-sort">Sort by</Label>
        <Select value={filters.sort} onValueChange={(value) => onChange({ ...filters, sort: FILE_SORT_OPTIONS.find((option) => option.value === value)?.value ?? "newest" })}>
          <SelectTrigger id="file-sort" className="w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {FILE_SORT_OPTIONS.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    </div>
  );
}
