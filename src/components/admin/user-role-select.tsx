"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { OptionSelect, type SelectOption } from "@/components/common/option-select";
import { assignableRoles, type AssignableRole } from "@/server/services/admin/admin-schemas";
import { useTRPC } from "@/trpc/react";

const ROLE_LABELS: Record<AssignableRole | "GUEST", string> = { GUEST: "Guest", USER: "User", PREMIUM: "Premium", ADMIN: "Admin" };

const ROLE_OPTIONS: readonly SelectOption<AssignableRole | "GUEST">[] = assignableRoles.map((value) => ({ value, label: ROLE_LABELS[value] }));

const isAssignable = (value: string): value is AssignableRole => (assignableRoles as readonly string[]).includes(value);

/** The role of one account; an admin's own row is read-only (the server refuses too). */
export function UserRoleSelect({ userId, label, role, disabled }: { userId: string; label: string; role: AssignableRole | "GUEST"; disabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setRole = useMutation(
    trpc.admin.setUserRole.mutationOptions({
      onSuccess: (result) => toast.success(`${label} is now ${ROLE_LABELS[result.role]}.`),
      onError: (error) => toast.error(error.message),
      // Every page and search of the list may show this user.
      onSettled: () => queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter()),
    }),
  );

  return (
    <OptionSelect
      value={role}
      options={ROLE_OPTIONS}
      disabled={disabled || setRole.isPending}
      onChange={(value) => {
        if (isAssignable(value) && value !== role) setRole.mutate({ userId, role: value });
      }}
      trigger={{ size: "sm", "aria-label": `Role of ${label}`, className: "w-32" }}
    />
  );
}
