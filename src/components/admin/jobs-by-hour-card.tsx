"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { AdminCard } from "./admin-card";
import { JobsByHourChart } from "./jobs-by-hour-chart";
import { QueryError, QueryLoading } from "./query-state";

export function JobsByHourCard() {
  const trpc = useTRPC();
  const chart = useQuery({ ...trpc.admin.jobsByHour.queryOptions(), refetchInterval: 60_000 });
  const total = chart.data ? Object.values(chart.data.totals).reduce((sum, count) => sum + count, 0) : 0;
  return (
    <AdminCard id="jobs-by-hour" title="Jobs, last 24 hours" description={chart.data ? `${total.toLocaleString("en-US")} jobs created, by hour and status` : undefined}>
      {chart.isError ? (
        <QueryError what="the job chart" error={chart.error} retry={() => void chart.refetch()} />
      ) : !chart.data ? (
        <QueryLoading label="Loading the job chart" rows={4} />
      ) : total === 0 ? (
        <p className="text-sm text-muted-foreground">No jobs in the last 24 hours.</p>
      ) : (
        <JobsByHourChart buckets={chart.data.buckets} totals={chart.data.totals} />
      )}
    </AdminCard>
  );
}
