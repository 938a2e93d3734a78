"use client";

import { PagePreview } from "@/components/chat/page-preview";
import type { PreviewTarget } from "@/components/chat/chat-types";
import { Dialog, DialogContent, DialogTitle } from "@/components/ui/dialog";

type PagePreviewDialogProps = { target: PreviewTarget | null; pageCount: number | null; onNavigate: (page: number) => void; onClose: () => void };

/**
 * The page a citation opened, over the tool page (which has no room for a
 * side panel). The preview's own heading takes focus, as in the chat, so the
 * dialog does not move it to the first button; its own close button serves.
 */
export function PagePreviewDialog({ target, pageCount, onNavigate, onClose }: PagePreviewDialogProps) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent showCloseButton={false} aria-describedby={undefined} onOpenAutoFocus={(event) => event.preventDefault()} className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogTitle className="sr-only">{target ? `Page ${target.page} of ${target.fileName}` : "Page preview"}</DialogTitle>
        {target ? <PagePreview target={target} pageCount={pageCount} onNavigate={onNavigate} onClose={onClose} /> : null}
      </DialogContent>
    </Dialog>
  );
}
