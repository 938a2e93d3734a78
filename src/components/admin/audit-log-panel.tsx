"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { AuditEventsTable } from "./audit-events-table";
import { AuditFilters, type AuditFilterValues, NO_AUDIT_FILTERS } from "./audit-filters";
import { QueryError, QueryLoading } from "./query-state";

const PAGE_SIZE = 50;
const TYPING_DELAY_MS = 300;

/** A yyyy-mm-dd day of the date inputs as the first or last millisecond of that local day. */
function dayBound(day: string, end: boolean): Date | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  if (!end) return date;
  // The next local midnight less a millisecond (a day is not always 24 h: daylight saving).
  date.setDate(date.getDate() + 1);
  return new Date(date.getTime() - 1);
}

function toQueryInput(values: AuditFilterValues) {
  return {
    limit: PAGE_SIZE,
    ...(values.action !== "all" ? { action: values.action } : {}),
    ...(values.email.trim() ? { userEmail: values.email.trim() } : {}),
    from: dayBound(values.from, false),
    to: dayBound(values.to, true),
  };
}

/** The audit log: filter by action, email and days; newest first, older events on demand. */
export function AuditLogPanel() {
  const trpc = useTRPC();
  const [values, setValues] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const [applied, setApplied] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);

  // Query once typing pauses, not on every key of the email search.
  useEffect(() => {
    const timer = setTimeout(() => setApplied(values), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values]);

  const events = useInfiniteQuery({
    ...trpc.admin.auditEvents.infiniteQueryOptions(toQueryInput(applied), { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = JSON.stringify(applied) !== JSON.stringify(NO_AUDIT_FILTERS);

  return (
    <Card role="region" aria-labelledby="audit-log">
      <CardHeader>
        <CardTitle>
          <h2 id="audit-log">Audit log</h2>
        </CardTitle>
        <CardDescription>Sign-ins, account changes and admin actions, newest first. Events are read-only and kept for the configured retention (90 days by default).</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <AuditFilters values={values} onChange={setValues} />
        {events.isError ? (
          <QueryError what="audit events" error={events.error} retry={() => void events.refetch()} />
        ) : !events.data ? (
          <QueryLoading label="Loading audit events" rows={6} />
        ) : rows.length === 0 ? (
          <div className="flex flex-col items-center gap-3 py-8 text-center">
            <p className="text-muted-foreground">{filtered ? "No events match these filters." : "No events recorded yet."}</p>
            {filtered ? (
              <Button variant="outline" onClick={() => setValues(NO_AUDIT_FILTERS)}>
                Clear filters
              </Button>
            ) : null}
          </div>
        ) : (
          <>
            <div aria-busy={events.isFetching} className={events.isPlaceholderData ? "min-w-0 opacity-60" : "min-w-0"}>
              <AuditEventsTable events={rows} />
            </div>
            <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
              <p className="text-muted-foreground" aria-live="polite">
                Showing {rows.length.toLocaleString("en-US")} {rows.length === 1 ? "event" : "events"}
              </p>
              {events.hasNextPage ? (
                <Button variant="outline" size="sm" disabled={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                  {events.isFetchingNextPage ? "Loading…" : "Show older events"}
                </Button>
              ) : null}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
