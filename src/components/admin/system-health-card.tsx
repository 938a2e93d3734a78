"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { formatBytes } from "@/shared/format-bytes";
import { useTRPC } from "@/trpc/react";
import { AdminCard } from "./admin-card";
import { QueryError, QueryLoading } from "./query-state";

function Status({ ok, okText = "OK", failText = "Down" }: { ok: boolean; okText?: string; failText?: string }) {
  return <Badge variant={ok ? "success" : "destructive"}>{ok ? okText : failText}</Badge>;
}

export function SystemHealthCard() {
  const trpc = useTRPC();
  const health = useQuery({ ...trpc.admin.systemHealth.queryOptions(), refetchInterval: 30_000 });
  const data = health.data;
  return (
    <AdminCard id="system-health" title="Health" description={data ? `Checked ${new Date(data.checkedAt).toLocaleTimeString()}` : undefined}>
      {health.isError ? (
        <QueryError what="the health report" error={health.error} retry={() => void health.refetch()} />
      ) : !data ? (
        <QueryLoading label="Checking health" rows={4} />
      ) : (
        <dl className="grid grid-cols-[auto_1fr_auto] items-center gap-x-4 gap-y-3 text-sm">
          <dt className="font-medium">Database</dt>
          <dd className="text-muted-foreground">
            {data.database.adapter === "pglite" ? "Embedded PGlite" : "PostgreSQL"}
            {data.database.ok ? ` · ${data.database.latencyMs} ms` : ` · ${data.database.error}`}
          </dd>
          <dd>
            <Status ok={data.database.ok} />
          </dd>
          <dt className="font-medium">Storage</dt>
          <dd className="text-muted-foreground">
            {data.storage.driver === "local" ? "Local disk" : "UploadThing"}
            {data.storage.ok ? "" : ` · ${data.storage.error}`}
          </dd>
          <dd>
            <Status ok={data.storage.ok} />
          </dd>
          <dt className="font-medium">Disk</dt>
          <dd className="text-muted-foreground">
            {data.disk.freeBytes === null
              ? data.disk.error
                ? `Could not be measured · ${data.disk.error}`
                : "Nothing stored on local disk"
              : `${formatBytes(data.disk.freeBytes)} free · uploads and new jobs stop under ${formatBytes(data.disk.minFreeBytes)}`}
          </dd>
          <dd>
            <Status ok={data.disk.ok} failText="Nearly full" />
          </dd>
          <dt className="font-medium">Job engine</dt>
          <dd className="text-muted-foreground">{data.jobEngine === "embedded" ? "Embedded (in-process)" : data.jobEngine}</dd>
          <dd>
            <Status ok okText="Configured" />
          </dd>
          <dt className="font-medium">AI provider</dt>
          <dd className="text-muted-foreground">
            {data.ai.label}
            {data.ai.unavailable.length > 0 ? ` · not available: ${data.ai.unavailable.join(", ")}` : ""}
          </dd>
          <dd>
            <Badge variant={data.ai.offline ? "secondary" : "success"}>{data.ai.offline ? "Offline" : "Online"}</Badge>
          </dd>
        </dl>
      )}
    </AdminCard>
  );
}
