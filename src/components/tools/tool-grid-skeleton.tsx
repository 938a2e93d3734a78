import { SkeletonBars, SkeletonList } from "@/components/common/skeleton-list";

/** Stand-in for the tool grid while the catalogue loads: icon, name and two lines of description per card. */
export function ToolGridSkeleton() {
  return (
    <SkeletonList label="Loading tools…" aria-label="Loading tools" count={3} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <SkeletonBars className="grid gap-3 rounded-xl border p-6" bars={["size-6", "h-5 w-1/2", "h-4 w-full", "h-4 w-2/3"]} />
    </SkeletonList>
  );
}
