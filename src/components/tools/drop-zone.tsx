"use client";

import { FileUp } from "lucide-react";
import { type DragEvent, useEffect, useId, useState } from "react";
import { acceptAttribute, listFileTypes } from "@/components/files/describe-file-type";
import { formatBytes } from "@/shared/format-bytes";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { ToolInfo } from "./tool-types";

type DropZoneProps = { tool: ToolInfo; maxFileBytes: number; disabled: boolean; onFiles: (files: File[]) => void };

function countHint(tool: ToolInfo): string {
  if (tool.maxFiles === 1) return "one file";
  return tool.minFiles > 1 ? `${tool.minFiles} to ${tool.maxFiles} files` : `up to ${tool.maxFiles} files`;
}

/**
 * Where files come in: drag and drop, or a real file input behind a visible
 * label (Tab reaches the input; Enter or Space opens the picker).
 */
export function DropZone({ tool, maxFileBytes, disabled, onFiles }: DropZoneProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [dragging, setDragging] = useState(false);
  const types = listFileTypes(tool.accepts);

  // A file dropped beside the zone would otherwise open in the tab and lose the page.
  useEffect(() => {
    const keep = (event: Event) => event.preventDefault();
    window.addEventListener("dragover", keep);
    window.addEventListener("drop", keep);
    return () => {
      window.removeEventListener("dragover", keep);
      window.removeEventListener("drop", keep);
    };
  }, []);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? "none" : "copy";
    if (!disabled) setDragging(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      data-dragging={dragging || undefined}
      className={cn(
        "flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-input/60 px-6 py-10 text-center transition-colors",
        "data-dragging:border-primary data-dragging:bg-accent",
        disabled && "opacity-60",
      )}
    >
      <FileUp className="size-8 text-muted-foreground" aria-hidden />
      <p className="font-medium">
        {dragging ? "Drop to add" : `Drag and drop ${types} ${tool.maxFiles === 1 ? "file" : "files"} here`}
      </p>
      <input
        id={inputId}
        type="file"
        className="peer sr-only"
        multiple={tool.maxFiles > 1}
        accept={acceptAttribute(tool.accepts)}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Cleared so choosing the same file again still fires a change.
          event.target.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
      <label
        htmlFor={inputId}
        className={cn(
          buttonVariants({ variant: "outline" }),
          "cursor-pointer peer-focus-visible:border-ring peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50",
          disabled && "pointer-events-none",
        )}
      >
        {tool.maxFiles === 1 ? "Choose a file" : "Choose files"}
      </label>
      <p id={hintId} className="text-xs text-muted-foreground">
        {types} · up to {formatBytes(maxFileBytes)} per file · {countHint(tool)}
      </p>
    </div>
  );
}
