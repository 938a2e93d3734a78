import { SkeletonBars, SkeletonList } from "@/components/common/skeleton-list";

/** Placeholder rows while the first page of files loads: checkbox, thumbnail, name, size, date. */
export function FilesSkeleton() {
  return (
    <SkeletonList label="Loading your files…" count={5} className="grid gap-2 rounded-lg border p-3">
      <SkeletonBars className="flex items-center gap-3" bars={["size-4", "size-10", "h-4 flex-1", "h-4 w-16", "h-4 w-24"]} />
    </SkeletonList>
  );
}
