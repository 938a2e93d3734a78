import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

type FilesPaginationProps = {
  /** Zero-based page index. */
  index: number;
  pageSize: number;
  total: number;
  disabled: boolean;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
};

/** "Page 2 of 5 · 93 files" with Previous and Next. */
export function FilesPagination({ index, pageSize, total, disabled, onPrevious, onNext }: FilesPaginationProps) {
  const pageCount = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <nav aria-label="Pages of files" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground">
        Page {Math.min(index + 1, pageCount)} of {pageCount} · {total.toLocaleString("en-US")} {total === 1 ? "file" : "files"}
      </p>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" disabled={disabled || !onPrevious} onClick={onPrevious ?? undefined}>
          <ChevronLeft aria-hidden />
          Previous
        </Button>
        <Button variant="outline" size="sm" disabled={disabled || !onNext} onClick={onNext ?? undefined}>
          Next
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
