import { redirect } from "next/navigation";
import { auth } from "@/server/auth";

// The dashboard belongs to signed-in users; guests are sent to sign in and back.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (!session?.user) redirect("/sign-in?callbackUrl=%2Fdashboard");
  return <div className="mx-auto w-full max-w-6xl px-4 py-8">{children}</div>;
}
