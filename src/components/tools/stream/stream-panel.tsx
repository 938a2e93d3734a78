"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { AiModeBadge } from "@/components/chat/ai-mode-badge";
import type { PreviewTarget } from "@/components/chat/chat-types";
import { useDocumentStatus } from "@/components/chat/use-document-status";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { buildResultMarkdown, resultFileName } from "./build-result-markdown";
import { PagePreviewDialog } from "./page-preview-dialog";
import { saveTextFile } from "./save-text-file";
import { StreamAnnouncer } from "./stream-announcer";
import { StreamPreparation } from "./stream-preparation";
import { StreamResult } from "./stream-result";
import { StreamResultActions } from "./stream-result-actions";
import { panelState } from "./stream-state";
import { useResultStream } from "./use-result-stream";
import { useSaveResult } from "./use-save-result";
import type { StreamRun } from "./use-stream-run";

type StreamPanelProps = { run: StreamRun; onCancel: () => void };

/**
 * One document's streamed result on the tool page: its preparation (started
 * and polled by useDocumentStatus) with a progress bar, then the text as the
 * model writes it, citations opening the cited page. A new Run mounts a new
 * panel (keyed by the run), so it always streams with the options of its Run.
 */
export function StreamPanel({ run, onCancel }: StreamPanelProps) {
  const { file, result } = run;
  const document = useDocumentStatus(file.id);
  const stream = useResultStream();
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const state = panelState(document.status?.status ?? null, stream.phase);
  const label = `${result.title} of ${file.name}`;

  const request = () => stream.start({ tool: run.toolId, fileId: file.id, options: run.options });
  const begin = useEffectEvent(request);
  const ready = document.status?.status === "ready";
  const { abort } = stream;
  useEffect(() => {
    if (!ready) return;
    begin();
    // Leaving the page, or a new Run replacing this panel, ends the model call too.
    return abort;
  }, [ready, abort]);

  const downloadName = resultFileName(file.name, result.extension);
  const markdown = () => buildResultMarkdown({ title: result.title, fileName: file.name, notes: stream.notes, text: stream.text, stopped: state === "stopped" });
  const download = () => saveTextFile(downloadName, markdown());
  const saveResult = useSaveResult();
  // What was saved is this text: a regenerated one can be saved again.
  const [savedText, setSavedText] = useState<string | null>(null);
  const save = () => {
    const text = stream.text;
    saveResult.mutate({ name: downloadName, markdown: markdown() }, { onSuccess: () => setSavedText(text) });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{label}</h2>
        </CardTitle>
        <CardDescription>{state === "preparing" ? "The document is read first; then the text appears here as it is written." : "Citations such as [p. 3] open that page."}</CardDescription>
        <CardAction>
          <AiModeBadge />
        </CardAction>
      </CardHeader>
      <CardContent className="grid gap-4">
        {state === "preparing" || state === "preparation-failed" ? (
          <StreamPreparation fileName={file.name} status={document.status} error={document.error} onRetry={document.retry} onCancel={onCancel} />
        ) : (
          <>
            <StreamResult
              state={state}
              label={label}
              noun={result.noun}
              text={stream.text}
              notes={stream.notes}
              error={stream.error}
              document={{ id: file.id, name: file.name, mimeType: file.mimeType }}
              onCite={setPreview}
              onRetry={request}
            />
            <StreamResultActions
              state={state}
              hasText={stream.text.trim() !== ""}
              downloadName={downloadName}
              onStop={stream.stop}
              onRegenerate={request}
              onCopy={() => navigator.clipboard.writeText(stream.text)}
              onDownload={download}
              save={{ onSave: save, saving: saveResult.isPending, saved: savedText === stream.text }}
            />
          </>
        )}
        <StreamAnnouncer state={state} noun={result.noun} fileName={file.name} />
      </CardContent>
      <PagePreviewDialog target={preview} pageCount={document.status?.pageCount ?? null} onNavigate={(page) => setPreview((current) => (current ? { ...current, page } : null))} onClose={() => setPreview(null)} />
    </Card>
  );
}
