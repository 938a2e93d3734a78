"use client";

import { Button } from "@/components/ui/button";
import {
  Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle,
} from "@/components/ui/dialog";
import { useDeleteFiles } from "./use-delete-files";

type DeleteFilesDialogProps = {
  /** The files to confirm; null keeps the dialog closed. */
  files: readonly { id: string; name: string }[] | null;
  onClose: () => void;
  onDeleted: () => void;
};

/** Asks before deleting one file or a selection; deleted files cannot be restored. */
export function DeleteFilesDialog({ files, onClose, onDeleted }: DeleteFilesDialogProps) {
  const remove = useDeleteFiles();
  const count = files?.length ?? 0;
  const title = count === 1 ? `Delete “${files?.[0]?.name ?? "this file"}”?` : `Delete ${count} files?`;

  function confirm() {
    if (!files || count === 0) return;
    remove.mutate(
      { ids: files.map((file) => file.id) },
      {
        onSuccess: () => {
          onDeleted();
          onClose();
        },
      },
    );
  }

  return (
    <Dialog open={count > 0} onOpenChange={(open) => !open && !remove.isPending && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>
            {count === 1 ? "The file is" : "The files are"} deleted now and cannot be restored. Jobs that used {count === 1 ? "it" : "them"} keep their history.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline" disabled={remove.isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button variant="destructive" onClick={confirm} disabled={remove.isPending}>
            {remove.isPending ? "Deleting…" : count === 1 ? "Delete file" : `Delete ${count} files`}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
