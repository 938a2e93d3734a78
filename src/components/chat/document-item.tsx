"use client";

import { AlertCircle, CheckCircle2, FileText, Loader2, X } from "lucide-react";
import { fileTypeLabel } from "@/components/files/describe-file-type";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { ChatDocument, DocumentStatus } from "./chat-types";
import { describeDocumentStatus } from "./describe-document-status";
import { useDocumentStatus } from "./use-document-status";

function gapNote(status: DocumentStatus | null): string | null {
  const pages = status?.pagesWithoutText ?? [];
  if (pages.length === 0) return null;
  const list = pages.length > 6 ? `${pages.slice(0, 6).join(", ")} and ${pages.length - 6} more` : pages.join(", ");
  return `No text found on page${pages.length === 1 ? "" : "s"} ${list}; answers cannot draw on ${pages.length === 1 ? "it" : "them"}.`;
}

/** One document of the chat: name, type, preparation status (progress while it is read), remove. */
export function DocumentItem({ document, onRemove, disabled }: { document: ChatDocument; onRemove: () => void; disabled: boolean }) {
  const { status, retry } = useDocumentStatus(document.id);
  const state = status?.status ?? "not-started";
  const working = state !== "ready" && state !== "failed";
  const note = gapNote(status);
  return (
    <li className="grid grid-cols-1 gap-1.5 rounded-lg border p-3" data-status={state}>
      <div className="flex items-start gap-2">
        <FileText className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" title={document.name}>
            {document.name}
          </p>
          <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
            {state === "ready" ? <CheckCircle2 className="size-3.5 text-emerald-600" aria-hidden /> : null}
            {state === "failed" ? <AlertCircle className="size-3.5 text-destructive" aria-hidden /> : null}
            {working ? <Loader2 className="size-3.5 animate-spin" aria-hidden /> : null}
            <span>
              {fileTypeLabel(document.mimeType)} · {describeDocumentStatus(status)}
            </span>
          </p>
        </div>
        <Button variant="ghost" size="icon" className="size-7" onClick={onRemove} disabled={disabled} aria-label={`Remove ${document.name} from this chat`}>
          <X aria-hidden />
        </Button>
      </div>
      {working ? <Progress value={status?.progress ?? 0} aria-label={`Preparing ${document.name}`} className="h-1" /> : null}
      {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
      {state === "failed" ? (
        <Button variant="outline" size="sm" className="justify-self-start" onClick={retry}>
          Try again
        </Button>
      ) : null}
    </li>
  );
}
