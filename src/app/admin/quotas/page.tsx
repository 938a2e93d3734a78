import type { Metadata } from "next";
import { Suspense } from "react";
import { QuotaEditor } from "@/components/admin/quota-editor";
import { QueryLoading } from "@/components/admin/query-state";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";
import { requireAdmin } from "../require-admin";

export const metadata: Metadata = { title: "Quotas" };

export default async function AdminQuotasPage() {
  await requireAdmin();
  prefetch(trpc.quota.list.queryOptions());
  return (
    <HydrateClient>
      <Suspense fallback={<QueryLoading label="Loading quotas" rows={8} />}>
        <QuotaEditor />
      </Suspense>
    </HydrateClient>
  );
}
