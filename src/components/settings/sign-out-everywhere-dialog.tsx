"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/**
 * Ends every session of the account after a confirm, this browser's too,
 * then sends the person to sign in again. The dialog (Radix) traps focus and
 * closes on Escape, so it works from the keyboard alone.
 */
export function SignOutEverywhereDialog() {
  const trpc = useTRPC();
  const revoke = useMutation(trpc.settings.signOutEverywhere.mutationOptions());

  async function confirm() {
    try {
      await revoke.mutateAsync();
    } catch {
      return; // shown from revoke.error
    }
    // The session is already over on the server; this clears its cookie too.
    await signOut({ redirectTo: "/sign-in" });
  }

  return (
    <div className="grid gap-3">
      <p id="sign-out-everywhere-help" className="text-sm text-muted-foreground">
        Lost a device or left yourself signed in on a shared computer? This signs you out in every browser and app, this one included. Your files stay as they are.
      </p>
      <div>
        <ConfirmDialog
          trigger={
            <Button variant="outline" aria-describedby="sign-out-everywhere-help">
              Sign out everywhere
            </Button>
          }
          title="Sign out everywhere?"
          description="Every browser signed in to your account is signed out, including this one. You will need your password or connected account to sign in again."
          labels={{ cancel: "Stay signed in", confirm: "Sign out everywhere", pending: "Signing out…" }}
          mutation={revoke}
          confirmVariant="default"
          onConfirm={confirm}
        />
      </div>
    </div>
  );
}
