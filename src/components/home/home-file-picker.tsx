"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { type DragEvent, useId, useState } from "react";
import { FileTypeIcon } from "@/components/files/file-type-icon";
import { guessMimeType } from "@/components/files/describe-file-type";
import { Button, buttonVariants } from "@/components/ui/button";
import { formatBytes } from "@/shared/format-bytes";
import { cn } from "@/lib/utils";
import { useCarriedFilesStore } from "@/stores/carried-files-store";
import { useTRPC } from "@/trpc/react";
import { suggestTools } from "./suggest-tools";

/**
 * "Start with a file": drop or choose files and see the tools that take them.
 * Nothing is uploaded here; the files travel (in memory) to the tool picked,
 * which checks and uploads them as if they had been chosen there.
 */
export function HomeFilePicker() {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: tools } = useSuspenseQuery(trpc.tool.list.queryOptions());
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const suggestions = suggestTools(files, tools);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length > 0) setFiles(Array.from(event.dataTransfer.files));
  };
  const openTool = (toolId: string) => {
    useCarriedFilesStore.getState().carryFiles(files);
    router.push(`/tools/${toolId}`);
  };

  return (
    <div className="grid gap-4">
      <div
        onDragOver={onDragOver}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        data-dragging={dragging || undefined}
        className="flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-input/60 px-6 py-8 text-center transition-colors data-dragging:border-primary data-dragging:bg-accent"
      >
        <FileUp className="size-8 text-muted-foreground" aria-hidden />
        <p className="font-medium">{dragging ? "Drop to see what you can do with it" : "Drop a file here to see the tools for it"}</p>
        <input
          id={inputId}
          type="file"
          multiple
          className="peer sr-only"
          onChange={(event) => {
            setFiles(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className={cn(buttonVariants({ variant: "outline" }), "cursor-pointer peer-focus-visible:border-ring peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50")}
        >
          Choose a file to start
        </label>
        <p className="text-xs text-muted-foreground">Nothing is uploaded until you pick a tool.</p>
      </div>
      {files.length > 0 ? (
        <section aria-label="Tools for your files" aria-live="polite" className="grid gap-3">
          <ul aria-label="Picked files" className="flex flex-wrap gap-2 text-sm">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} className="flex items-center gap-2 rounded-md border px-2 py-1">
                <FileTypeIcon mimeType={guessMimeType(file) ?? file.type} className="size-4 text-muted-foreground" />
                {file.name} <span className="text-muted-foreground">({formatBytes(file.size)})</span>
              </li>
            ))}
          </ul>
          {suggestions.length > 0 ? (
            <ul aria-label="Suggested tools" className="flex flex-wrap gap-2">
              {suggestions.map((tool) => (
                <li key={tool.id}>
                  <Button variant="secondary" size="sm" onClick={() => openTool(tool.id)}>
                    {tool.title}
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">
              No tool takes {files.length === 1 ? "this file" : "these files together"}. FileForge works with PDFs, images and plain text.
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}
