import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "./require-admin";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · FileForge" }, robots: { index: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    // minmax(0,1fr): wide tables scroll inside their cards instead of widening the page on a phone.
    <div className="mx-auto grid w-full max-w-6xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-semibold tracking-tight">Admin</h1>
        <AdminNav />
      </div>
      {children}
    </div>
  );
}
