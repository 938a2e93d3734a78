"use client";

import { Trash } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { describeFileCounts } from "./describe-file-counts";
import { useDeleteAllFiles } from "./use-delete-all-files";

type DeleteAllFilesDialogProps = {
  counts: { uploads: number; results: number };
  /** Runs first: stop uploads and the running job, and say which files the page holds. */
  prepare: () => Promise<string[]>;
  onDeleted: () => void;
};

/** "Delete now" with a confirmation: removes every file of this visitor, uploads and results. */
export function DeleteAllFilesDialog({ counts, prepare, onDeleted }: DeleteAllFilesDialogProps) {
  const [open, setOpen] = useState(false);
  const deleteAll = useDeleteAllFiles();

  const confirm = async () => {
    try {
      const count = await deleteAll.mutateAsync({ extraIds: await prepare() });
      setOpen(false);
      onDeleted();
      toast.success(count === 1 ? "Your file was deleted." : `Your ${count} files were deleted.`);
    } catch {
      // Shown in the dialog from the mutation's error.
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) deleteAll.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Trash aria-hidden />
          Delete now
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete all your files now?</DialogTitle>
          <DialogDescription>
            This deletes your {describeFileCounts(counts.uploads, counts.results)} and stops any job that is running. This cannot be
            undone.
          </DialogDescription>
        </DialogHeader>
        {deleteAll.error ? (
          <Alert variant="destructive">
            <AlertDescription>{deleteAll.error.message}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Keep my files</Button>
          </DialogClose>
          <Button variant="destructive" onClick={() => void confirm()} disabled={deleteAll.isPending}>
            {deleteAll.isPending ? "Deleting…" : "Delete files"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
