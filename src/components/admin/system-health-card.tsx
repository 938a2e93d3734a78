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

/** One line of the report: what is checked, what was found, and a badge saying whether that is fine. */
function HealthRow({ name, badge, children }: { name: string; badge: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium">{name}</dt>
      <dd className="text-muted-foreground">{children}</dd>
      <dd>{badge}</dd>
    </>
  );
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
          <HealthRow name="Database" badge={<Status ok={data.database.ok} />}>
            {data.database.adapter === "pglite" ? "Embedded PGlite" : "PostgreSQL"}
            {data.database.ok ? ` · ${data.database.latencyMs} ms` : ` · ${data.database.error}`}
          </HealthRow>
          <HealthRow name="Storage" badge={<Status ok={data.storage.ok} />}>
            {data.storage.driver === "local" ? "Local disk" : "UploadThing"}
            {data.storage.ok ? "" : ` · ${data.storage.error}`}
          </HealthRow>
          <HealthRow name="Disk" badge={<Status ok={data.disk.ok} failText="Nearly full" />}>
            {data.disk.freeBytes === null
              ? data.disk.error
                ? `Could not be measured · ${data.disk.error}`
                : "Nothing stored on local disk"
              : `${formatBytes(data.disk.freeBytes)} free · uploads and new jobs stop under ${formatBytes(data.disk.minFreeBytes)}`}
          </HealthRow>
          <HealthRow name="Job engine" badge={<Status ok okText="Configured" />}>
            {data.jobEngine === "embedded" ? "Embedded (in-process)" : data.jobEngine}
          </HealthRow>
          <HealthRow name="AI provider" badge={<Badge variant={data.ai.offline ? "secondary" : "success"}>{data.ai.offline ? "Offline" : "Online"}</Badge>}>
            {data.ai.label}
            {data.ai.unavailable.length > 0 ? ` · not available: ${data.ai.unavailable.join(", ")}` : ""}
          </HealthRow>
        </dl>
      )}
    </AdminCard>
  );
}
