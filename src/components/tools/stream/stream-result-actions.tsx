"use client";

import { Check, Copy, Download, RotateCcw, Save, Square } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { PanelState } from "./stream-state";

type StreamResultActionsProps = {
  state: PanelState;
  hasText: boolean;
  downloadName: string;
  onStop: () => void;
  onRegenerate: () => void;
  onCopy: () => Promise<void>;
  onDownload: () => void;
  save: { onSave: () => void; saving: boolean; saved: boolean };
};

/** Stop while the text arrives; afterwards Regenerate, Copy and Download (when there is text to keep, also after Stop or an error). */
export function StreamResultActions({ state, hasText, downloadName, onStop, onRegenerate, onCopy, onDownload, save }: StreamResultActionsProps) {
  if (state === "streaming") {
    return (
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" size="sm" onClick={onStop}>
          <Square aria-hidden />
          Stop
        </Button>
      </div>
    );
  }
  const copy = () =>
    onCopy().then(
      () => toast.success("Copied to the clipboard"),
      () => toast.error("Could not copy", { description: "Your browser did not allow it; select the text and copy it instead." }),
    );
  return (
    <div className="flex flex-wrap gap-2">
      {/* After an error the alert's Retry does this. */}
      {state === "error" ? null : (
        <Button variant="outline" size="sm" onClick={onRegenerate}>
          <RotateCcw aria-hidden />
          Regenerate
        </Button>
      )}
      {hasText ? (
        <>
          <Button variant="outline" size="sm" onClick={() => void copy()}>
            <Copy aria-hidden />
            Copy
          </Button>
          <Button size="sm" onClick={onDownload} aria-label={`Download ${downloadName}`}>
            <Download aria-hidden />
            Download .md
          </Button>
          <Button variant="outline" size="sm" onClick={save.onSave} disabled={save.saving || save.saved}>
            {save.saved ? <Check aria-hidden /> : <Save aria-hidden />}
            {save.saved ? "Saved to your files" : save.saving ? "Saving…" : "Save to my files"}
          </Button>
        </>
      ) : null}
    </div>
  );
}
