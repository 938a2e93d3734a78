import { SkeletonList } from "@/components/common/skeleton-list";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder rows while the first page of files loads. */
export function FilesSkeleton() {
  return (
    <SkeletonList label="Loading your files…" count={5} className="grid gap-2 rounded-lg border p-3">
      <div className="flex items-center gap-3">
        <Skeleton className="size-4" />
        <Skeleton className="size-10" />
        <Skeleton className="h-4 flex-1" />
        <Skeleton className="h-4 w-16" />
        <Skeleton className="h-4 w-24" />
      </div>
    </SkeletonList>
  );
}
