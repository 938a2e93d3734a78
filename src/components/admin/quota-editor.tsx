"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { ROLE_GROUP_TITLES } from "@/shared/roles";
import { QuotaRoleForm } from "./quota-role-form";

/** One form per role; saved limits apply to the next upload, job or chat message. */
export function QuotaEditor() {
  const trpc = useTRPC();
  const { data: quotas } = useSuspenseQuery(trpc.quota.list.queryOptions());
  return (
    <div className="grid gap-6 md:grid-cols-2">
      {quotas.map((quota) => (
        <Card key={quota.role} role="region" aria-labelledby={`quota-${quota.role}`}>
          <CardHeader>
            <CardTitle>
              <h2 id={`quota-${quota.role}`}>{ROLE_GROUP_TITLES[quota.role]}</h2>
            </CardTitle>
            <CardDescription>Limits for {ROLE_GROUP_TITLES[quota.role].toLowerCase()}. Daily limits reset at 00:00 UTC.</CardDescription>
          </CardHeader>
          <CardContent>
            <QuotaRoleForm quota={quota} />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
