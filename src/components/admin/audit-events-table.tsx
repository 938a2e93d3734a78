"use client";

import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeUserAgent } from "@/shared/describe-user-agent";
import { AUDIT_ACTION_LABELS, type AuditAction } from "@/shared/audit-actions";
import { describeAuditDetails } from "./describe-audit-details";

export type AuditEventRow = {
  id: string;
  createdAt: Date;
  action: string;
  actor: string | null;
  actorUserId: string | null;
  subjectUserId: string | null;
  subjectEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
};

const labelOf = (action: string) => AUDIT_ACTION_LABELS[action as AuditAction] ?? action;

/** Audit events, newest first. The table scrolls sideways on a narrow screen rather than squeezing its columns. */
export function AuditEventsTable({ events }: { events: AuditEventRow[] }) {
  return (
    <Table aria-label="Audit events" className="min-w-[48rem]">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">When</TableHead>
          <TableHead scope="col">Action</TableHead>
          <TableHead scope="col">Actor</TableHead>
          <TableHead scope="col">Account</TableHead>
          <TableHead scope="col">IP / browser</TableHead>
          <TableHead scope="col">Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => {
          const details = describeAuditDetails(event.details);
          return (
            <TableRow key={event.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toLocaleString()}</time>
              </TableCell>
              <TableCell>
                <Badge variant={event.action === "auth.sign_in_failed" ? "destructive" : "secondary"}>{labelOf(event.action)}</Badge>
              </TableCell>
              <TableCell className="max-w-48 truncate" title={event.actor ?? undefined}>
                {event.actor === "cli" ? "Command line" : (event.actor ?? <span className="text-muted-foreground">Anonymous</span>)}
              </TableCell>
              <TableCell className="max-w-48 truncate" title={event.subjectUserId ?? undefined}>
                {event.subjectEmail ?? (event.subjectUserId ? <span className="text-muted-foreground">Deleted account</span> : "—")}
              </TableCell>
              <TableCell>
                <p className="font-mono text-xs">{event.ip ?? "—"}</p>
                <p className="text-xs text-muted-foreground" title={event.userAgent ?? undefined}>
                  {event.userAgent ? describeUserAgent(event.userAgent) : null}
                </p>
              </TableCell>
              <TableCell className="max-w-72 text-xs break-words text-muted-foreground">{details || "—"}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
