"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormField } from "./form-field";
import { SettingsFormShell } from "./settings-form-shell";
import { useTRPC } from "@/trpc/react";
import { useSettingsForm } from "./use-settings-form";

/** Change the password, or set a first one on an account that only used OAuth. */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.settings.changePassword.mutationOptions());
  const form = useSettingsForm(hasPassword ? "Your password was changed." : "Your password was set.");
  const [mismatch, setMismatch] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const newPassword = String(data.get("newPassword") ?? "");
    // Checked here only: a typo in a field nobody can see would lock the person out.
    const differs = newPassword !== String(data.get("confirmPassword") ?? "");
    setMismatch(differs);
    if (differs) return;
    const currentPassword = hasPassword ? String(data.get("currentPassword") ?? "") : undefined;
    const ok = await form.run(() => change.mutateAsync({ currentPassword, newPassword }));
    if (ok) element.reset();
  }

  return (
    <SettingsFormShell label="Password" onSubmit={onSubmit} message={form.message} pending={change.isPending} submitLabel={hasPassword ? "Change password" : "Set password"}>
      {hasPassword ? (
        <FormField id="current-password" name="currentPassword" type="password" label="Current password" autoComplete="current-password" required error={form.fieldError("currentPassword")} />
      ) : (
        <p className="text-sm text-muted-foreground">You sign in with a connected account. Set a password to sign in with your email too.</p>
      )}
      <FormField id="new-password" name="newPassword" type="password" label="New password" autoComplete="new-password" required minLength={8} hint="At least 8 characters." error={form.fieldError("newPassword")} />
      <FormField id="confirm-password" name="confirmPassword" type="password" label="Repeat new password" autoComplete="new-password" required error={mismatch ? "The two passwords are not the same." : undefined} />
    </SettingsFormShell>
  );
}
