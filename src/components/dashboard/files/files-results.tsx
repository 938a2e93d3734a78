"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import type { FileItem, FileListParams } from "../dashboard-types";
import { DeleteFilesDialog } from "./delete-files-dialog";
import { FilesEmpty } from "./files-empty";
import { FilesPagination } from "./files-pagination";
import { FilesSelectionBar } from "./files-selection-bar";
import { FilesTable } from "./files-table";
import { useFilePages } from "./use-file-pages";

type FilesResultsProps = { params: FileListParams; filtered: boolean; onClearFilters: () => void };

/**
 * One page of files with selection, deletion and paging. While a new page or
 * filter loads, the previous page stays on screen, dimmed (a deferred query
 * input), instead of flashing back to the skeleton.
 */
export function FilesResults({ params, filtered, onClearFilters }: FilesResultsProps) {
  const trpc = useTRPC();
  const pages = useFilePages(JSON.stringify(params));
  const input = useMemo(() => (pages.cursor ? { ...params, cursor: pages.cursor } : params), [params, pages.cursor]);
  const shown = useDeferredValue(input);
  const { data } = useSuspenseQuery(trpc.file.list.queryOptions(shown));
  const loading = shown !== input;

  const pageKey = JSON.stringify(shown);
  const [selection, setSelection] = useState({ pageKey, ids: new Set<string>() });
  const selectedIds = selection.pageKey === pageKey ? selection.ids : new Set<string>();
  const [toDelete, setToDelete] = useState<readonly FileItem[] | null>(null);

  function toggle(id: string, checked: boolean) {
    const ids = new Set(selectedIds);
    if (checked) ids.add(id);
    else ids.delete(id);
    setSelection({ pageKey, ids });
  }

  if (data.total === 0) return <FilesEmpty filtered={filtered} onClearFilters={onClearFilters} />;
  if (data.items.length === 0) {
    // Everything on a later page was deleted: the page itself is gone.
    return (
      <div className="grid justify-items-center gap-3 rounded-lg border p-8 text-center">
        <p className="text-muted-foreground">No files are left on this page.</p>
        <Button variant="outline" onClick={pages.first}>
          Go to the first page
        </Button>
      </div>
    );
  }

  const selectedFiles = data.items.filter((file) => selectedIds.has(file.id));
  const nextCursor = data.nextCursor;
  return (
    <div className={cn("grid gap-3 transition-opacity", loading && "opacity-60")} aria-busy={loading}>
      <FilesSelectionBar
        count={selectedFiles.length}
        onDelete={() => setToDelete(selectedFiles)}
        onClear={() => setSelection({ pageKey, ids: new Set() })}
      />
      <FilesTable
        files={data.items}
        selectedIds={selectedIds}
        onToggle={toggle}
        onToggleAll={(checked) => setSelection({ pageKey, ids: new Set(checked ? data.items.map((file) => file.id) : []) })}
        onDelete={(file) => setToDelete([file])}
      />
      <FilesPagination
        index={pages.index}
        pageSize={params.limit ?? data.items.length}
        total={data.total}
        disabled={loading}
        onPrevious={pages.index > 0 ? pages.previous : null}
        onNext={nextCursor ? () => pages.next(nextCursor) : null}
      />
      <DeleteFilesDialog
        files={toDelete}
        onClose={() => setToDelete(null)}
        onDeleted={() => setSelection({ pageKey, ids: new Set() })}
      />
    </div>
  );
}
