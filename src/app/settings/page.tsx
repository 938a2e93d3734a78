import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SettingsSkeleton } from "@/components/settings/settings-skeleton";
import { SettingsView } from "@/components/settings/settings-view";
import { auth } from "@/server/auth";
import { loadUserActor } from "@/server/auth/actor";
import { listOAuthProviders } from "@/server/auth/config";
import { db } from "@/server/db";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Settings" };

/** The signed-in user, or null for a guest, a deleted account or a disabled one. */
async function currentUser() {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadUserActor(db, session.user.id).catch(() => null);
}

export default async function SettingsPage() {
  if (!(await currentUser())) redirect("/sign-in?callbackUrl=%2Fsettings");
  prefetch(trpc.settings.get.queryOptions());
  return (
    <HydrateClient>
      <div className="mx-auto grid w-full max-w-3xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-8">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Settings</h1>
          <p className="text-muted-foreground">Your profile, sign-in methods and data.</p>
        </div>
        <Suspense fallback={<SettingsSkeleton />}>
          <SettingsView oauthProviders={listOAuthProviders()} />
        </Suspense>
      </div>
    </HydrateClient>
  );
}
