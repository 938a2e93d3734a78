"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { OptionSelect, type SelectOption } from "@/components/common/option-select";
import { ASSIGNABLE_ROLES, type AssignableRole, assignableRoleSchema, type Role, ROLE_LABELS } from "@/shared/roles";
import { useTRPC } from "@/trpc/react";

// A guest is never a choice here; the select still shows the current role of any row.
const ROLE_OPTIONS: readonly SelectOption<Role>[] = ASSIGNABLE_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

const isAssignable = (value: string): value is AssignableRole => assignableRoleSchema.safeParse(value).success;

/** The role of one account; an admin's own row is read-only (the server refuses too). */
export function UserRoleSelect({ userId, label, role, disabled }: { userId: string; label: string; role: Role; disabled: boolean }) {
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
