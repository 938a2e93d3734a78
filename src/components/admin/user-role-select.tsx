"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ASSIGNABLE_ROLES, type AssignableRole, assignableRoleSchema, type Role, ROLE_LABELS } from "@/shared/roles";
import { useTRPC } from "@/trpc/react";

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
    <Select
      value={role}
      disabled={disabled || setRole.isPending}
      onValueChange={(value) => {
        if (isAssignable(value) && value !== role) setRole.mutate({ userId, role: value });
      }}
    >
      <SelectTrigger size="sm" aria-label={`Role of ${label}`} className="w-32">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {ASSIGNABLE_ROLES.map((value) => (
          <SelectItem key={value} value={value}>
            {ROLE_LABELS[value]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
