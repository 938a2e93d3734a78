"use client";

import { useQuery } from "@tanstack/react-query";
import { formatBytes } from "@/shared/format-bytes";
import { useTRPC } from "@/trpc/react";
import { AdminCard } from "./admin-card";
import { QueryError, QueryLoading } from "./query-state";

const OWNER_LABELS = { users: "Accounts", guests: "Guests (expiring)" } as const;

export function StorageUsageCard() {
  const trpc = useTRPC();
  const usage = useQuery(trpc.admin.storageUsage.queryOptions());
  const data = usage.data;
  return (
    <AdminCard id="storage-usage" title="Storage" description={data ? `${formatBytes(data.totalBytes)} in use` : undefined}>
      {usage.isError ? (
        <QueryError what="storage use" error={usage.error} retry={() => void usage.refetch()} />
      ) : !data ? (
        <QueryLoading label="Loading storage use" />
      ) : data.totalBytes === 0 ? (
        <p className="text-sm text-muted-foreground">No files stored yet.</p>
      ) : (
        <ul className="grid gap-4" aria-label="Storage by owner">
          {data.byOwner.map((entry) => {
            const percent = Math.round((entry.bytes / data.totalBytes) * 100);
            return (
              <li key={entry.owner} className="grid gap-1.5">
                <div className="flex justify-between text-sm">
                  <span className="font-medium">{OWNER_LABELS[entry.owner]}</span>
                  <span className="text-muted-foreground tabular-nums">
                    {formatBytes(entry.bytes)} · {entry.files.toLocaleString("en-US")} {entry.files === 1 ? "file" : "files"}
                  </span>
                </div>
                <div className="h-2 overflow-hidden rounded-full bg-muted" role="img" aria-label={`${percent}% of storage`}>
                  <div className="h-full rounded-full bg-primary" style={{ width: `${percent}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </AdminCard>
  );
}
