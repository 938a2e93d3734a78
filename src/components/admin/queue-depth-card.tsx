"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { AdminCard } from "./admin-card";
import { QueryError, QueryLoading } from "./query-state";

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

export function QueueDepthCard() {
  const trpc = useTRPC();
  const queue = useQuery({ ...trpc.admin.queueDepth.queryOptions(), refetchInterval: 10_000 });
  const data = queue.data;
  return (
    <AdminCard id="queue-depth" title="Queue" description="Jobs waiting and running now.">
      {queue.isError ? (
        <QueryError what="the queue" error={queue.error} retry={() => void queue.refetch()} />
      ) : !data ? (
        <QueryLoading label="Loading the queue" />
      ) : (
        <div className="grid gap-4">
          <dl className="grid grid-cols-2 gap-4">
            <Figure label="Queued" value={data.jobs.queued} />
            <Figure label="Running" value={data.jobs.running} />
          </dl>
          {data.engineRuns === null ? (
            <p className="text-sm text-muted-foreground">Function runs are tracked by the Inngest server ({data.engine}); see its dashboard.</p>
          ) : data.engineRuns.length === 0 ? (
            <p className="text-sm text-muted-foreground">The embedded engine has no function runs on record.</p>
          ) : (
            <div>
              <h3 className="mb-2 text-sm font-medium">Embedded engine runs</h3>
              <ul className="flex flex-wrap gap-2 text-sm" aria-label="Embedded engine runs by status">
                {data.engineRuns.map((run) => (
                  <li key={run.status} className="rounded-md bg-muted px-2 py-1">
                    {run.status}: <span className="font-medium tabular-nums">{run.count.toLocaleString("en-US")}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </AdminCard>
  );
}
