"use client";

import { useState } from "react";
import { ErrorAlert } from "@/components/common/error-alert";
import { Button } from "@/components/ui/button";
import {
  Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger,
} from "@/components/ui/dialog";

type ConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: React.ReactNode;
  title: string;
  description: React.ReactNode;
  labels: { cancel: string; confirm: string; pending: string };
  /** The action's mutation: its failure shows above the buttons, and closing the dialog resets it. */
  mutation: { error: { message: string } | null; isPending: boolean; reset: () => void };
  /** Confirming is blocked until this is true (a typed confirmation, say). */
  ready?: boolean;
  confirmVariant?: "destructive" | "default";
  /** Runs on confirm; `close` is there for actions that leave the person on the page. */
  onConfirm: (close: () => void) => Promise<void>;
  /** Forgets anything else of the attempt (typed text) when the dialog closes. */
  onClosed?: () => void;
  /** Fields between the message and the buttons; Enter in them confirms. */
  children?: React.ReactNode;
};

/**
 * An irreversible action behind a question: what shadcn's Dialog lacks is the
 * shape every such question here shares — a form whose submit confirms, the
 * error in the dialog, a pending label, and a reset when it closes.
 */
export function ConfirmDialog({
  trigger, title, description, labels, mutation, ready = true, confirmVariant = "destructive", onConfirm, onClosed, children,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (ready) void onConfirm(() => setOpen(false));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) return;
        mutation.reset();
        onClosed?.();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{title}</DialogTitle>
            <DialogDescription>{description}</DialogDescription>
          </DialogHeader>
          <ErrorAlert message={mutation.error?.message} />
          {children}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                {labels.cancel}
              </Button>
            </DialogClose>
            <Button type="submit" variant={confirmVariant} disabled={!ready || mutation.isPending}>
              {mutation.isPending ? labels.pending : labels.confirm}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
