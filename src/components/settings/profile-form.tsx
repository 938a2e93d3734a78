"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormField } from "./form-field";
import { SettingsFormShell } from "./settings-form-shell";
import { useTRPC } from "@/trpc/react";
import { useSettingsForm } from "./use-settings-form";

export function ProfileForm({ name }: { name: string | null }) {
  const router = useRouter();
  const trpc = useTRPC();
  const update = useMutation(trpc.settings.updateProfile.mutationOptions());
  const form = useSettingsForm("Your name was saved.");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // Server components (the header) read the name too.
    if (await form.run(() => update.mutateAsync({ name: String(data.get("name") ?? "") }))) router.refresh();
  }

  return (
    <SettingsFormShell label="Profile" onSubmit={onSubmit} message={form.message} pending={update.isPending} submitLabel={"Save name"}>
      <FormField id="profile-name" name="name" label="Name" defaultValue={name ?? ""} autoComplete="name" required maxLength={100} error={form.fieldError("name")} />
    </SettingsFormShell>
  );
}
