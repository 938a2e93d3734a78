"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { QueryError, QueryLoading } from "./query-state";
import { UsersTable } from "./users-table";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

/** Accounts: search by email or name, page through, change roles, disable or enable. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(1);

  // Search once typing pauses, not on every key, and start again from page 1.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim());
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const users = useQuery({ ...trpc.admin.listUsers.queryOptions({ query, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const data = users.data;

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Users</h2>
        </CardTitle>
        <CardDescription>{data ? `${data.total.toLocaleString("en-US")} ${data.total === 1 ? "account" : "accounts"}${query ? ` matching “${query}”` : ""}` : "Accounts"}</CardDescription>
      </CardHeader>
      <CardContent className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <div className="relative max-w-sm">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input type="search" value={typed} onChange={(event) => setTyped(event.target.value)} placeholder="Search by email or name" aria-label="Search users by email or name" className="pl-8" />
        </div>
        {users.isError ? (
          <QueryError what="users" error={users.error} retry={() => void users.refetch()} />
        ) : !data ? (
          <QueryLoading label="Loading users" rows={5} />
        ) : data.users.length === 0 ? (
          <p className="py-8 text-center text-muted-foreground">{query ? `No accounts match “${query}”.` : "No accounts yet."}</p>
        ) : (
          <>
            <div aria-busy={users.isFetching} className={users.isPlaceholderData ? "min-w-0 opacity-60" : "min-w-0"}>
              <UsersTable users={data.users} currentUserId={currentUserId} />
            </div>
            <nav aria-label="Pages of users" className="flex items-center justify-between gap-4">
              <p className="text-sm text-muted-foreground" aria-live="polite">
                Page {data.page} of {data.pageCount}
              </p>
              <div className="flex gap-2">
                <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((current) => current - 1)}>
                  Previous
                </Button>
                <Button variant="outline" size="sm" disabled={page >= data.pageCount} onClick={() => setPage((current) => current + 1)}>
                  Next
                </Button>
              </div>
            </nav>
          </>
        )}
      </CardContent>
    </Card>
  );
}
