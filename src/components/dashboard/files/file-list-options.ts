import type { FileKind, FileListParams } from "../dashboard-types";

// The choices of the Files toolbar and what each asks file.list for.

export const FILE_KIND_OPTIONS: readonly { value: FileKind | "all"; label: string }[] = [
  { value: "all", label: "All types" },
  { value: "pdf", label: "PDFs" },
  { value: "image", label: "Images" },
  { value: "text", label: "Text" },
  { value: "other", label: "Other" },
];

export const FILE_SORT_OPTIONS = [
  { value: "newest", label: "Newest first", sort: "createdAt", direction: "desc" },
  { value: "oldest", label: "Oldest first", sort: "createdAt", direction: "asc" },
  { value: "name-asc", label: "Name A–Z", sort: "name", direction: "asc" },
  { value: "name-desc", label: "Name Z–A", sort: "name", direction: "desc" },
  { value: "largest", label: "Largest first", sort: "size", direction: "desc" },
  { value: "smallest", label: "Smallest first", sort: "size", direction: "asc" },
] as const satisfies readonly { value: string; label: string; sort: FileListParams["sort"]; direction: FileListParams["direction"] }[];

export type FileSortOption = (typeof FILE_SORT_OPTIONS)[number]["value"];
export type FileFilters = { search: string; kind: FileKind | "all"; sort: FileSortOption };

export const DEFAULT_FILTERS: FileFilters = { search: "", kind: "all", sort: "newest" };

/** The file.list input for filters; the defaults give exactly INITIAL_FILE_PARAMS, which the server prefetches. */
export function toListParams(filters: FileFilters, limit: number): FileListParams {
  const order = FILE_SORT_OPTIONS.find((option) => option.value === filters.sort) ?? FILE_SORT_OPTIONS[0];
  const search = filters.search.trim();
  return {
    limit,
    sort: order.sort,
    direction: order.direction,
    ...(search ? { search } : {}),
    ...(filters.kind !== "all" ? { type: filters.kind } : {}),
  };
}

export const isFiltered = (filters: FileFilters) => filters.search.trim() !== "" || filters.kind !== "all";
