"use client";

import { useMutation } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { signIn } from "next-auth/react";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { useSettingsForm } from "./use-settings-form";

type ConnectedAccountsProps = {
  accounts: { provider: string; linkedAt: Date }[];
  hasPassword: boolean;
  /** OAuth providers this server has credentials for. */
  available: { id: string; name: string }[];
};

const providerName = (id: string, available: ConnectedAccountsProps["available"]) =>
  available.find((provider) => provider.id === id)?.name ?? id.charAt(0).toUpperCase() + id.slice(1);

export function ConnectedAccounts({ accounts, hasPassword, available }: ConnectedAccountsProps) {
  const trpc = useTRPC();
  const unlinkMutation = useMutation(trpc.settings.unlinkAccount.mutationOptions());
  const unlink = useSettingsForm("The account was disconnected.");
  // The server refuses too; this only avoids offering a button that must fail.
  const isLastWay = accounts.length === 1 && !hasPassword;
  const connectable = available.filter((provider) => !accounts.some((account) => account.provider === provider.id));

  return (
    <div className="grid gap-4">
      <ErrorAlert message={unlink.message} />
      {accounts.length === 0 ? (
        <p className="text-sm text-muted-foreground">No connected accounts. You sign in with your email and password.</p>
      ) : (
        <ul className="grid gap-2" aria-label="Connected accounts">
          {accounts.map((account) => {
            const name = providerName(account.provider, available);
            return (
              <li key={account.provider} className="flex items-center justify-between gap-4 rounded-md border px-4 py-3">
                <div>
                  <p className="font-medium">{name}</p>
                  <p className="text-sm text-muted-foreground">Connected {account.linkedAt.toLocaleDateString()}</p>
                </div>
                <Button
                  variant="outline"
                  size="sm"
                  disabled={isLastWay || unlinkMutation.isPending}
                  title={isLastWay ? "Set a password first: this is your only way to sign in." : undefined}
                  onClick={() => void unlink.run(() => unlinkMutation.mutateAsync({ provider: account.provider }))}
                >
                  Disconnect {name}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {isLastWay ? <p className="text-sm text-muted-foreground">Set a password before disconnecting your only sign-in method.</p> : null}
      {connectable.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {connectable.map((provider) => (
            // Signing in with a provider while signed in links it to this account.
            <Button key={provider.id} variant="outline" size="sm" onClick={() => void signIn(provider.id, { redirectTo: "/settings" })}>
              <Link2 aria-hidden /> Connect {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
