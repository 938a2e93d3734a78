import type { Metadata } from "next";
import { AuditLogPanel } from "@/components/admin/audit-log-panel";
import { requireAdmin } from "../require-admin";

export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage() {
  await requireAdmin();
  // Fetched in the browser: the filters live there, and the first page is small.
  return <AuditLogPanel />;
}
