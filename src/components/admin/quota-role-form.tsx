"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/settings/form-field";
import { readFormError } from "@/components/settings/read-form-error";
import { quotaValuesInput } from "@/shared/quota-schemas";
import { useTRPC } from "@/trpc/react";
import { type Role, ROLE_GROUP_TITLES } from "@/shared/roles";
import { QUOTA_FIELDS, type QuotaField, type QuotaValues } from "./quota-fields";

/** "Max file size must be a number from 0.01 to 20,480 MB.": the server's bounds, in the unit on screen. */
function checkValues(values: QuotaValues): Partial<Record<QuotaField, string>> {
  const errors: Partial<Record<QuotaField, string>> = {};
  for (const field of QUOTA_FIELDS) {
    const schema = quotaValuesInput.shape[field.key];
    if (schema.safeParse(values[field.key]).success) continue;
    const range = `${field.toInput(schema.minValue ?? 0).toLocaleString("en-US")} to ${field.toInput(schema.maxValue ?? 0).toLocaleString("en-US")}`;
    errors[field.key] = `${field.label} must be a ${field.unit === "MB" ? "number" : "whole number"} from ${range} ${field.unit}.`;
  }
  return errors;
}

export function QuotaRoleForm({ quota }: { quota: QuotaValues & { role: Role } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Partial<Record<QuotaField, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const update = useMutation(trpc.quota.update.mutationOptions());
  const title = ROLE_GROUP_TITLES[quota.role].toLowerCase();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const { role, ...values } = quota;
    for (const field of QUOTA_FIELDS) {
      const raw = data.get(field.key);
      // Fields not shown for this role (retention, for accounts) keep their value.
      if (raw !== null) values[field.key] = raw === "" ? Number.NaN : field.fromInput(Number(raw));
    }
    const found = checkValues(values);
    setErrors(found);
    setMessage(null);
    if (Object.keys(found).length > 0) return;
    try {
      await update.mutateAsync({ role, values });
    } catch (error) {
      const read = readFormError(error);
      setMessage(read.message ?? "These limits could not be saved. Check the values and try again.");
      return;
    }
    toast.success(`Limits for ${title} saved.`);
    await queryClient.invalidateQueries({ queryKey: trpc.quota.list.queryKey() });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate aria-label={`${ROLE_GROUP_TITLES[quota.role]} limits`}>
      <ErrorAlert message={message} />
      <div className="grid gap-4 sm:grid-cols-2">
        {QUOTA_FIELDS.filter((field) => !field.guestOnly || quota.role === "GUEST").map((field) => (
          <FormField
            key={field.key}
            id={`${quota.role}-${field.key}`}
            name={field.key}
            label={`${field.label} (${field.unit})`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            defaultValue={field.toInput(quota[field.key])}
            error={errors[field.key]}
          />
        ))}
      </div>
      <div>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : `Save ${title} limits`}
        </Button>
      </div>
    </form>
  );
}
