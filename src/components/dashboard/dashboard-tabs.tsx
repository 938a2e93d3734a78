"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { QueryBoundary } from "@/components/tools/query-boundary";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ChatsSkeleton, ChatsTab } from "./chats/chats-tab";
import { DASHBOARD_TABS, type DashboardTabId, parseDashboardTab } from "./dashboard-tab-ids";
import { FilesTab } from "./files/files-tab";
import { JobsSkeleton } from "./jobs/jobs-skeleton";
import { JobsTab } from "./jobs/jobs-tab";
import { UsageSkeleton, UsageTab } from "./usage/usage-tab";

// Jobs, chats and usage each wait on their queries as a whole, so their loading
// and error states are set here, once; Files keeps its toolbar usable while its
// results load, so it places its own.
const PANELS: Record<DashboardTabId, () => React.ReactNode> = {
  files: () => <FilesTab />,
  jobs: () => (
    <QueryBoundary fallback={<JobsSkeleton />} errorTitle="Could not load your jobs">
      <JobsTab />
    </QueryBoundary>
  ),
  chats: () => (
    <QueryBoundary fallback={<ChatsSkeleton />} errorTitle="Could not load your chats">
      <ChatsTab />
    </QueryBoundary>
  ),
  usage: () => (
    <QueryBoundary fallback={<UsageSkeleton />} errorTitle="Could not load your usage">
      <UsageTab />
    </QueryBoundary>
  ),
};

/**
 * Files, jobs, chats and usage as tabs (arrow keys move between them). The
 * open tab lives in `?tab=`: pushState keeps it shareable and lets Back return
 * to the previous tab, and Next's router hands the change to useSearchParams
 * without a server round trip.
 */
export function DashboardTabs() {
  const searchParams = useSearchParams();
  const urlTab = parseDashboardTab(searchParams.get("tab"));
  // The click shows its tab at once; the router's URL update follows in a
  // transition. When the URL moves by itself (Back, Forward), it wins.
  const [state, setState] = useState({ urlTab, active: urlTab });
  if (state.urlTab !== urlTab) setState({ urlTab, active: urlTab });
  const active = state.urlTab === urlTab ? state.active : urlTab;

  function select(value: string) {
    const tab = parseDashboardTab(value);
    setState({ urlTab, active: tab });
    const params = new URLSearchParams(searchParams.toString());
    params.set("tab", tab);
    window.history.pushState(null, "", `?${params.toString()}`);
  }

  return (
    <Tabs value={active} onValueChange={select} className="gap-4">
      <TabsList aria-label="Dashboard sections">
        {DASHBOARD_TABS.map((tab) => (
          <TabsTrigger key={tab.id} value={tab.id} className="px-4">
            {tab.label}
          </TabsTrigger>
        ))}
      </TabsList>
      {DASHBOARD_TABS.map((tab) => (
        <TabsContent key={tab.id} value={tab.id}>
          {tab.id === active ? PANELS[tab.id]() : null}
        </TabsContent>
      ))}
    </Tabs>
  );
}
