"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryError, QueryLoading } from "@/components/admin/query-state";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeUserAgent } from "@/shared/describe-user-agent";
import { useTRPC } from "@/trpc/react";

const METHODS: Record<string, string> = { credentials: "Password", "one-time-link": "One-time link", github: "GitHub", google: "Google" };

/** The account's last sign-ins and failed attempts: a failure you did not make is a reason to change the password. */
export function RecentSignIns() {
  const trpc = useTRPC();
  const signIns = useQuery(trpc.settings.recentSignIns.queryOptions());
  if (signIns.isError) return <QueryError what="your recent sign-ins" error={signIns.error} retry={() => void signIns.refetch()} />;
  if (!signIns.data) return <QueryLoading label="Loading recent sign-ins" />;
  if (signIns.data.length === 0) return <p className="text-sm text-muted-foreground">No sign-ins recorded yet.</p>;
  return (
    <Table aria-label="Recent sign-ins">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">When</TableHead>
          <TableHead scope="col">Result</TableHead>
          <TableHead scope="col">Browser</TableHead>
          <TableHead scope="col">IP address</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {signIns.data.map((signIn) => (
          <TableRow key={signIn.id}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={signIn.at.toISOString()}>{signIn.at.toLocaleString()}</time>
            </TableCell>
            <TableCell>
              {signIn.succeeded ? <Badge variant="success">Signed in</Badge> : <Badge variant="destructive">Failed</Badge>}
              {signIn.method ? <span className="ml-2 text-xs text-muted-foreground">{METHODS[signIn.method] ?? signIn.method}</span> : null}
            </TableCell>
            <TableCell className="whitespace-nowrap" title={signIn.userAgent ?? undefined}>
              {describeUserAgent(signIn.userAgent)}
            </TableCell>
            <TableCell className="font-mono text-xs">{signIn.ip ?? "Unknown"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
