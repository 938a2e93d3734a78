"use client";

import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";

type SettingsFormShellProps = {
  /** The form's accessible name, which the settings page's sections are found by. */
  label: string;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void | Promise<void>;
  /** A failure for the whole form (useSettingsForm's message); field errors sit on their fields. */
  message: string | null | undefined;
  pending: boolean;
  submitLabel: string;
  children: React.ReactNode;
};

/** What every settings form shares: no browser validation bubbles, the form-wide error first, one save button. */
export function SettingsFormShell({ label, onSubmit, message, pending, submitLabel, children }: SettingsFormShellProps) {
  return (
    <form onSubmit={(event) => void onSubmit(event)} className="grid gap-4" noValidate aria-label={label}>
      <ErrorAlert message={message} />
      {children}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
