// The dashboard's tabs, in order; `?tab=` holds one of these ids.
export const DASHBOARD_TABS = [
  { id: "files", label: "Files" },
  { id: "jobs", label: "Jobs" },
  { id: "chats", label: "Chats" },
  { id: "usage", label: "Usage" },
] as const;

export type DashboardTabId = (typeof DASHBOARD_TABS)[number]["id"];

/** The tab a `?tab=` value names; anything else (or nothing) opens Files. */
export function parseDashboardTab(value: string | string[] | null | undefined): DashboardTabId {
  const candidate = Array.isArray(value) ? value[0] : value;
  return DASHBOARD_TABS.find((tab) => tab.id === candidate)?.id ?? "files";
}
