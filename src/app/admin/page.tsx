import type { Metadata } from "next";
import { UsersPanel } from "@/components/admin/users-panel";
import { requireAdmin } from "./require-admin";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  const admin = await requireAdmin();
  return <UsersPanel currentUserId={admin.userId} />;
}
