"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/trpc/react";
import { type FieldErrors, readFormError } from "./read-form-error";

/**
 * The form state around a settings mutation: field errors, a form message, a
 * toast on success and a refresh of `settings.get` only.
 */
export function useSettingsForm(successMessage: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function run(mutate: () => Promise<unknown>): Promise<boolean> {
    setFields({});
    setMessage(null);
    try {
      await mutate();
    } catch (error) {
      const read = readFormError(error);
      setFields(read.fields);
      setMessage(read.message);
      return false;
    }
    toast.success(successMessage);
    await queryClient.invalidateQueries({ queryKey: trpc.settings.get.queryKey() });
    return true;
  }

  return { run, message, fieldError: (field: string) => fields[field]?.[0] };
}
