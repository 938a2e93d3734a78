import type { Metadata } from "next";
import { JobsByHourCard } from "@/components/admin/jobs-by-hour-card";
import { QueueDepthCard } from "@/components/admin/queue-depth-card";
import { RecentSweepsCard } from "@/components/admin/recent-sweeps-card";
import { StorageUsageCard } from "@/components/admin/storage-usage-card";
import { SystemHealthCard } from "@/components/admin/system-health-card";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { requireAdmin } from "../require-admin";

export const metadata: Metadata = { title: "System" };

export default async function AdminSystemPage() {
  await requireAdmin();
  // Started together on the server; each card shows its own loading and error state.
  prefetch(trpc.admin.systemHealth.queryOptions());
  prefetch(trpc.admin.queueDepth.queryOptions());
  prefetch(trpc.admin.jobsByHour.queryOptions());
  prefetch(trpc.admin.storageUsage.queryOptions());
  prefetch(trpc.admin.recentSweeps.queryOptions());
  return (
    <HydrateClient>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
        <SystemHealthCard />
        <QueueDepthCard />
        <JobsByHourCard />
        <StorageUsageCard />
        <div className="lg:col-span-2">
          <RecentSweepsCard />
        </div>
      </div>
    </HydrateClient>
  );
}
