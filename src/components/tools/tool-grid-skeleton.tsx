import { SkeletonList } from "@/components/common/skeleton-list";
import { Skeleton } from "@/components/ui/skeleton";

/** Stand-in for the tool grid while the catalogue loads. */
export function ToolGridSkeleton() {
  return (
    <SkeletonList label="Loading tools…" aria-label="Loading tools" count={3} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <div className="grid gap-3 rounded-xl border p-6">
        <Skeleton className="size-6" />
        <Skeleton className="h-5 w-1/2" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-2/3" />
      </div>
    </SkeletonList>
  );
}
