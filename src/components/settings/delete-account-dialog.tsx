"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { deletionPhraseFor } from "@/shared/deletion-phrase";
import { useTRPC } from "@/trpc/react";

/** Deletes the account after the person types their email; then signs out. */
export function DeleteAccountDialog({ email }: { email: string | null }) {
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const remove = useMutation(trpc.settings.deleteAccount.mutationOptions());
  const phrase = deletionPhraseFor(email);
  const matches = typed.trim().toLowerCase() === phrase.toLowerCase();

  async function confirm() {
    try {
      await remove.mutateAsync({ confirmation: typed });
    } catch {
      return; // shown from remove.error
    }
    // The session now points at nobody; ending it also clears the cookie.
    await signOut({ redirectTo: "/?deleted=1" });
  }

  return (
    <ConfirmDialog
      trigger={<Button variant="destructive">Delete my account</Button>}
      title="Delete your account?"
      description="Every file you keep here, your jobs, chats and usage history are deleted for good, and you are signed out. This cannot be undone."
      labels={{ cancel: "Keep my account", confirm: "Delete account", pending: "Deleting…" }}
      mutation={remove}
      ready={matches}
      onConfirm={confirm}
      onClosed={() => setTyped("")}
    >
      <div className="grid gap-2">
        <Label htmlFor="delete-confirmation">
          Type <span className="font-mono font-semibold">{phrase}</span> to confirm
        </Label>
        <Input id="delete-confirmation" value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} />
      </div>
    </ConfirmDialog>
  );
}
