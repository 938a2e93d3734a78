"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

/** Disable or enable an account. Reversible, so no confirmation step; an admin cannot disable themselves. */
export function UserStatusButton({ userId, label, disabled, self }: { userId: string; label: string; disabled: boolean; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setDisabled = useMutation(
    trpc.admin.setUserDisabled.mutationOptions({
      onSuccess: (result) => toast.success(result.disabledAt ? `${label} is disabled and signed out.` : `${label} can sign in again.`),
      onError: (error) => toast.error(error.message),
      onSettled: () => queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter()),
    }),
  );
  if (self) return null;
  return (
    <Button
      variant={disabled ? "outline" : "ghost"}
      size="sm"
      disabled={setDisabled.isPending}
      aria-label={`${disabled ? "Enable" : "Disable"} ${label}`}
      onClick={() => setDisabled.mutate({ userId, disabled: !disabled })}
    >
      {disabled ? "Enable" : "Disable"}
    </Button>
  );
}
