"use client";

import { useQuery } from "@tanstack/react-query";
import { FileUp, Plus, X } from "lucide-react";
import { useId } from "react";
import { acceptAttribute } from "@/components/files/describe-file-type";
import { Button, buttonVariants } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { type ChatDocument, DOCUMENT_TYPES } from "./chat-types";
import { DocumentItem } from "./document-item";
import { useDocumentUploads } from "./use-document-uploads";

type DocumentPanelProps = {
  documents: ChatDocument[];
  onAdd: (document: ChatDocument) => void;
  onRemove: (id: string) => void;
  busy: boolean;
};

/** The chat's documents: upload new ones, add earlier uploads, watch each being prepared. */
export function DocumentPanel({ documents, onAdd, onRemove, busy }: DocumentPanelProps) {
  const inputId = useId();
  const trpc = useTRPC();
  const { pending, upload, dismiss } = useDocumentUploads(onAdd);
  const files = useQuery(trpc.file.list.queryOptions({ limit: 50 }));
  const chosen = new Set(documents.map((document) => document.id));
  const others = (files.data?.items ?? []).filter((file) => DOCUMENT_TYPES.includes(file.mimeType) && !chosen.has(file.id)).slice(0, 8);

  return (
    <section aria-labelledby={`${inputId}-title`} className="grid min-w-0 grid-cols-1 content-start gap-4">
      <h2 id={`${inputId}-title`} className="text-sm font-semibold">
        Documents
      </h2>
      {documents.length === 0 && pending.length === 0 ? <p className="text-sm text-muted-foreground">Add a PDF, text file or scan to ask questions about it.</p> : null}
      <ul className="grid grid-cols-1 gap-2" aria-label="Documents in this chat">
        {documents.map((document) => (
          <DocumentItem key={document.id} document={document} onRemove={() => onRemove(document.id)} disabled={busy} />
        ))}
        {pending.map((item) => (
          <li key={item.key} className="grid grid-cols-1 gap-1.5 rounded-lg border p-3">
            <div className="flex items-center gap-2">
              <p className="min-w-0 flex-1 truncate text-sm">{item.name}</p>
              {item.error ? (
                <Button variant="ghost" size="icon" className="size-7" onClick={() => dismiss(item.key)} aria-label={`Dismiss ${item.name}`}>
                  <X aria-hidden />
                </Button>
              ) : null}
            </div>
            {item.error ? <p className="text-xs text-destructive">{item.error}</p> : <Progress value={item.percent} aria-label={`Uploading ${item.name}`} className="h-1" />}
          </li>
        ))}
      </ul>
      <div>
        <input
          id={inputId}
          type="file"
          multiple
          className="peer sr-only"
          accept={acceptAttribute(DOCUMENT_TYPES)}
          onChange={(event) => {
            const chosenFiles = Array.from(event.target.files ?? []);
            event.target.value = "";
            if (chosenFiles.length > 0) void upload(chosenFiles);
          }}
        />
        <label htmlFor={inputId} className={cn(buttonVariants({ variant: "outline", size: "sm" }), "cursor-pointer peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50")}>
          <FileUp aria-hidden />
          Upload documents
        </label>
      </div>
      {others.length > 0 ? (
        <div className="grid gap-2">
          <h3 className="text-xs font-medium text-muted-foreground">Your files</h3>
          <ul className="grid grid-cols-1 gap-1">
            {others.map((file) => (
              <li key={file.id}>
                <Button variant="ghost" size="sm" className="w-full min-w-0 justify-start" onClick={() => onAdd({ id: file.id, name: file.name, mimeType: file.mimeType })} aria-label={`Add ${file.name} to this chat`}>
                  <Plus aria-hidden />
                  <span className="truncate">{file.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
