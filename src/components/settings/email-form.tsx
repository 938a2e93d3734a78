"use client";

import { useMutation } from "@tanstack/react-query";
import { FormField } from "./form-field";
import { SettingsFormShell } from "./settings-form-shell";
import { useTRPC } from "@/trpc/react";
import { useSettingsForm } from "./use-settings-form";

export function EmailForm({ email, hasPassword }: { email: string | null; hasPassword: boolean }) {
  const trpc = useTRPC();
  const change = useMutation(trpc.settings.changeEmail.mutationOptions());
  const form = useSettingsForm("Your email address was changed. Use it next time you sign in.");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const ok = await form.run(() =>
      change.mutateAsync({
        email: String(data.get("email") ?? ""),
        currentPassword: hasPassword ? String(data.get("currentPassword") ?? "") : undefined,
      }),
    );
    // The password must not linger in the field after it did its job.
    const password = element.elements.namedItem("currentPassword");
    if (ok && password instanceof HTMLInputElement) password.value = "";
  }

  return (
    <SettingsFormShell label="Email address" onSubmit={onSubmit} message={form.message} pending={change.isPending} submitLabel={"Change email"}>
      <FormField id="settings-email" name="email" type="email" label="Email" defaultValue={email ?? ""} autoComplete="email" required error={form.fieldError("email")} />
      {hasPassword ? (
        <FormField
          id="email-current-password"
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          required
          hint="Needed to change the address you sign in with."
          error={form.fieldError("currentPassword")}
        />
      ) : null}
    </SettingsFormShell>
  );
}
