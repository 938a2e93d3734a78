"use client";

import { Trash } from "lucide-react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { Button } from "@/components/ui/button";
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
  const deleteAll = useDeleteAllFiles();

  const confirm = async (close: () => void) => {
    try {
      const count = await deleteAll.mutateAsync({ extraIds: await prepare() });
      close();
      onDeleted();
      toast.success(count === 1 ? "Your file was deleted." : `Your ${count} files were deleted.`);
    } catch {
      // Shown in the dialog from the mutation's error.
    }
  };

  return (
    <ConfirmDialog
      trigger={
        <Button variant="outline" size="sm">
          <Trash aria-hidden />
          Delete now
        </Button>
      }
      title="Delete all your files now?"
      description={
        <>
          This deletes your {describeFileCounts(counts.uploads, counts.results)} and stops any job that is running. This cannot be
          undone.
        </>
      }
      labels={{ cancel: "Keep my files", confirm: "Delete files", pending: "Deleting…" }}
      mutation={deleteAll}
      onConfirm={confirm}
    />
  );
}
