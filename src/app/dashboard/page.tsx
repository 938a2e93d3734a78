import type { Metadata } from "next";
import { Suspense } from "react";
import { parseDashboardTab } from "@/components/dashboard/dashboard-tab-ids";
import { DashboardTabs } from "@/components/dashboard/dashboard-tabs";
import { INITIAL_FILE_PARAMS, INITIAL_JOB_PARAMS } from "@/components/dashboard/dashboard-types";
import { auth } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

type DashboardPageProps = { searchParams: Promise<{ tab?: string | string[] }> };

/** Prefetches what the tab in `?tab=` shows first, so it renders with data on the server. */
function prefetchTab(tab: ReturnType<typeof parseDashboardTab>) {
  if (tab === "files") prefetch(trpc.file.list.queryOptions(INITIAL_FILE_PARAMS));
  if (tab === "jobs") {
    prefetch(trpc.tool.list.queryOptions());
    prefetch(trpc.job.list.infiniteQueryOptions(INITIAL_JOB_PARAMS, { getNextPageParam: (page) => page.nextCursor }));
  }
  if (tab === "chats") prefetch(trpc.chat.list.queryOptions());
  if (tab === "usage") prefetch(trpc.usage.summary.queryOptions());
}

export default async function DashboardPage({ searchParams }: DashboardPageProps) {
  const [session, params] = await Promise.all([auth(), searchParams]);
  const name = session?.user.name ?? session?.user.email ?? "there";
  prefetchTab(parseDashboardTab(params.tab));
  return (
    // minmax(0,1fr): the files and jobs tables scroll inside the tab instead of widening the page on a phone.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-muted-foreground">Welcome, {name}.</p>
      </div>
      <HydrateClient>
        {/* useSearchParams needs a boundary; the tabs themselves render at once. */}
        <Suspense>
          <DashboardTabs />
        </Suspense>
      </HydrateClient>
    </div>
  );
}
