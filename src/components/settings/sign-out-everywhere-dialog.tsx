"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger,
} from "@/components/ui/dialog";
import { useTRPC } from "@/trpc/react";

/**
 * Ends every session of the account after a confirm, this browser's too,
 * then sends the person to sign in again. The dialog (Radix) traps focus and
 * closes on Escape, so it works from the keyboard alone.
 */
export function SignOutEverywhereDialog() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
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
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) revoke.reset();
      }}
    >
      <div className="grid gap-3">
        <p id="sign-out-everywhere-help" className="text-sm text-muted-foreground">
          Lost a device or left yourself signed in on a shared computer? This signs you out in every browser and app, this one included. Your files stay as they are.
        </p>
        <div>
          <DialogTrigger asChild>
            <Button variant="outline" aria-describedby="sign-out-everywhere-help">
              Sign out everywhere
            </Button>
          </DialogTrigger>
        </div>
      </div>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Sign out everywhere?</DialogTitle>
          <DialogDescription>
            Every browser signed in to your account is signed out, including this one. You will need your password or connected account to sign in again.
          </DialogDescription>
        </DialogHeader>
        {revoke.error ? (
          <Alert variant="destructive">
            <AlertDescription>{revoke.error.message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Stay signed in
            </Button>
          </DialogClose>
          <Button type="button" onClick={() => void confirm()} disabled={revoke.isPending}>
            {revoke.isPending ? "Signing out…" : "Sign out everywhere"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
