"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "./form-field";
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
    <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label="Email address">
      {form.message ? (
        <Alert variant="destructive">
          <AlertDescription>{form.message}</AlertDescription>
        </Alert>
      ) : null}
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
      <div>
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? "Saving…" : "Change email"}
        </Button>
      </div>
    </form>
  );
}
