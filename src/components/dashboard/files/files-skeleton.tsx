import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder rows while the first page of files loads. */
export function FilesSkeleton() {
  return (
    <div role="status" aria-busy="true" className="grid gap-2 rounded-lg border p-3">
      <span className="sr-only">Loading your files…</span>
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="flex items-center gap-3">
          <Skeleton className="size-4" />
          <Skeleton className="size-10" />
          <Skeleton className="h-4 flex-1" />
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-4 w-24" />
        </div>
      ))}
    </div>
  );
}
