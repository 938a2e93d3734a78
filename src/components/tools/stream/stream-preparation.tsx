"use client";

import { AlertCircle, LoaderCircle } from "lucide-react";
import type { DocumentStatus } from "@/components/chat/chat-types";
import { describeDocumentStatus } from "@/components/chat/describe-document-status";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";

type StreamPreparationProps = {
  fileName: string;
  status: DocumentStatus | null;
  /** The status could not be read (e.g. the file expired meanwhile). */
  error: { message: string } | null;
  onRetry: () => void;
  onCancel: () => void;
};

/** The document being read and indexed before the model can be asked: real progress and the current step. */
export function StreamPreparation({ fileName, status, error, onRetry, onCancel }: StreamPreparationProps) {
  if (error || status?.status === "failed") {
    return (
      <Alert variant="destructive">
        <AlertCircle aria-hidden />
        <AlertTitle>{error ? `Could not check on ${fileName}` : `${fileName} could not be prepared`}</AlertTitle>
        <AlertDescription>
          <p>{error ? error.message : (status?.error ?? "Its text could not be read.")}</p>
          <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={onRetry}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  const ready = status?.status === "ready";
  const progress = ready ? 100 : (status?.progress ?? 0);
  const step = ready ? "Ready. Starting…" : describeDocumentStatus(status);
  return (
    <div className="grid gap-2">
      <div className="flex items-baseline justify-between gap-4 text-sm">
        <span className="flex min-w-0 items-center gap-2">
          <LoaderCircle className="size-4 shrink-0 animate-spin text-primary motion-reduce:animate-none" aria-hidden />
          <span className="truncate" data-testid="stream-preparation-step">
            {step}
          </span>
        </span>
        <span className="font-medium tabular-nums">{progress}%</span>
      </div>
      <Progress value={progress} aria-label={`Preparing ${fileName}`} aria-valuetext={`${progress}%: ${step}`} />
      <Button variant="outline" size="sm" className="justify-self-start" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
