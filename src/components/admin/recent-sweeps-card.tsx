"use client";

import { useQuery } from "@tanstack/react-query";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useTRPC } from "@/trpc/react";
import { AdminCard } from "./admin-card";
import { QueryError, QueryLoading } from "./query-state";

const seconds = (start: Date, end: Date) => `${((end.getTime() - start.getTime()) / 1000).toFixed(1)} s`;

export function RecentSweepsCard() {
  const trpc = useTRPC();
  const sweeps = useQuery(trpc.admin.recentSweeps.queryOptions());
  return (
    <AdminCard id="recent-sweeps" title="Expiry sweeps" description="The last runs that deleted expired guest work and orphaned objects, newest first.">
      {sweeps.isError ? (
        <QueryError what="the sweeps" error={sweeps.error} retry={() => void sweeps.refetch()} />
      ) : !sweeps.data ? (
        <QueryLoading label="Loading sweeps" />
      ) : sweeps.data.length === 0 ? (
        <p className="text-sm text-muted-foreground">No sweeps recorded yet.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Finished</TableHead>
              <TableHead scope="col">Reason</TableHead>
              <TableHead scope="col" className="text-right">Files</TableHead>
              <TableHead scope="col" className="text-right">Jobs</TableHead>
              <TableHead scope="col" className="text-right">Chats</TableHead>
              <TableHead scope="col" className="text-right">Objects</TableHead>
              <TableHead scope="col" className="text-right">Took</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sweeps.data.map((sweep) => (
              <TableRow key={sweep.id}>
                <TableCell>{sweep.finishedAt.toLocaleString()}</TableCell>
                <TableCell>{sweep.reason}</TableCell>
                <TableCell className="text-right tabular-nums">{sweep.deletedFiles}</TableCell>
                <TableCell className="text-right tabular-nums">{sweep.deletedJobs}</TableCell>
                <TableCell className="text-right tabular-nums">{sweep.deletedChats}</TableCell>
                <TableCell className="text-right tabular-nums">{sweep.deletedObjects}</TableCell>
                <TableCell className="text-right tabular-nums">{seconds(sweep.startedAt, sweep.finishedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </AdminCard>
  );
}
