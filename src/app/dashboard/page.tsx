import type { Metadata } from "next";
import { Files } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { auth } from "@/server/auth";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await auth();
  const name = session?.user.name ?? session?.user.email ?? "there";
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-muted-foreground">Welcome, {name}.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Your files</CardTitle>
          <CardDescription>Files you upload and results of your jobs appear here.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col items-center gap-3 py-10 text-center">
          <Files className="size-10 text-muted-foreground" aria-hidden />
          <p className="text-muted-foreground">No files yet.</p>
          <Button asChild>
            <Link href="/">Pick a tool</Link>
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}
