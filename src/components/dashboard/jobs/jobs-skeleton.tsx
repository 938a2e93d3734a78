import { SkeletonList } from "@/components/common/skeleton-list";
import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder cards while the jobs load. */
export function JobsSkeleton() {
  return (
    <SkeletonList label="Loading your jobs…" count={3} className="grid gap-3">
      <div className="grid gap-3 rounded-lg border p-4">
        <div className="flex items-center gap-3">
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-5 w-40" />
          <Skeleton className="ml-auto h-8 w-24" />
        </div>
        <Skeleton className="h-4 w-2/3" />
      </div>
    </SkeletonList>
  );
}
