"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { ConnectedAccounts } from "./connected-accounts";
import { DeleteAccountDialog } from "./delete-account-dialog";
import { EmailForm } from "./email-form";
import { ExportData } from "./export-data-card";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { RecentSignIns } from "./recent-sign-ins";
import { SignOutEverywhereDialog } from "./sign-out-everywhere-dialog";

function Section({ id, title, description, children, danger }: { id: string; title: string; description: string; children: React.ReactNode; danger?: boolean }) {
  return (
    <Card role="region" aria-labelledby={id} className={danger ? "border-destructive/40" : undefined}>
      <CardHeader>
        <CardTitle className={danger ? "text-destructive" : undefined}>
          <h2 id={id}>{title}</h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function SettingsView({ oauthProviders }: { oauthProviders: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.settings.get.queryOptions());
  return (
    // minmax(0,1fr): a wide table (recent sign-ins) scrolls inside its card instead of widening the page on a phone.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <Section id="settings-profile" title="Profile" description="The name shown in FileForge.">
        <ProfileForm name={data.name} />
      </Section>
      <Section id="settings-email" title="Email address" description="The address you sign in with.">
        <EmailForm key={data.email} email={data.email} hasPassword={data.hasPassword} />
      </Section>
      <Section id="settings-password" title="Password" description={data.hasPassword ? "Change the password you sign in with." : "Add a password to your account."}>
        <PasswordForm hasPassword={data.hasPassword} />
      </Section>
      <Section id="settings-connected" title="Connected accounts" description="Other ways to sign in.">
        <ConnectedAccounts accounts={data.accounts} hasPassword={data.hasPassword} available={oauthProviders} />
      </Section>
      <Section id="settings-sessions" title="Signed-in browsers" description="Changing your password or email also signs out your other browsers.">
        <SignOutEverywhereDialog />
      </Section>
      <Section id="settings-sign-ins" title="Recent sign-ins" description="The last 20 sign-ins and failed attempts on your account. One you do not recognize? Change your password and sign out everywhere.">
        <RecentSignIns />
      </Section>
      <Section id="settings-export" title="Export your data" description="Take a copy of everything with you.">
        <ExportData />
      </Section>
      <Section id="settings-delete" title="Delete account" description="Remove your account and everything in it." danger>
        <DeleteAccountDialog email={data.email} />
      </Section>
    </div>
  );
}
