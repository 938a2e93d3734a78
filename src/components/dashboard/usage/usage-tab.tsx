"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { SkeletonList } from "@/components/common/skeleton-list";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { UsageChart } from "./usage-chart";
import { UsageMeters } from "./usage-meters";
import { UsageTable } from "./usage-table";

/** The Usage tab: today and this month against the quota, then the last 30 days. */
export function UsageTab() {
  const trpc = useTRPC();
  const { data: summary } = useSuspenseQuery(trpc.usage.summary.queryOptions());
  // The day before the reset is "today" on the server's UTC clock: the month follows it, not the browser's clock.
  const today = new Date(summary.resetsAt.getTime() - 1);
  return (
    <div className="grid gap-6">
      <UsageMeters summary={summary} now={today} />
      <p className="text-sm text-muted-foreground">Daily limits reset at 00:00 UTC.</p>
      <section aria-labelledby="usage-chart-heading" className="grid gap-3">
        <h2 id="usage-chart-heading" className="font-medium">
          Last 30 days
        </h2>
        <UsageChart days={summary.days} />
        <UsageTable days={summary.days} />
      </section>
    </div>
  );
}

export function UsageSkeleton() {
  return (
    <SkeletonList label="Loading your usage…" count={5} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Skeleton className="h-32" />
    </SkeletonList>
  );
}
