import { Skeleton } from "@/components/ui/skeleton";

/** Stands in for the settings cards while they load; announced once as busy. */
export function SettingsSkeleton() {
  return (
    <div className="grid gap-6" aria-busy="true" aria-label="Loading settings">
      {Array.from({ length: 4 }, (_, index) => (
        <Skeleton key={index} className="h-40 w-full rounded-xl" />
      ))}
    </div>
  );
}
