import { Skeleton } from "@/components/ui/skeleton";

/** Stand-in for the tool grid while the catalogue loads. */
export function ToolGridSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading tools" role="status" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="grid gap-3 rounded-xl border p-6">
          <Skeleton className="size-6" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-2/3" />
        </div>
      ))}
      <span className="sr-only">Loading tools…</span>
    </div>
  );
}
