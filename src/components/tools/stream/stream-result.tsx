"use client";

import { AlertCircle, LoaderCircle } from "lucide-react";
import type { ChatDocument, PreviewTarget } from "@/components/chat/chat-types";
import { MessageText } from "@/components/chat/message-text";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { PanelState } from "./stream-state";

type StreamResultProps = {
  state: Exclude<PanelState, "preparing" | "preparation-failed">;
  /** "Summary of report.pdf". */
  label: string;
  noun: string;
  text: string;
  notes: readonly string[];
  error: string | null;
  document: ChatDocument;
  onCite: (target: PreviewTarget) => void;
  onRetry: () => void;
};

/** The notes, the text as it is written (busy while streaming), and what happened when it ended early. */
export function StreamResult({ state, label, noun, text, notes, error, document, onCite, onRetry }: StreamResultProps) {
  return (
    <>
      {notes.length > 0 ? (
        <ul aria-label="Notes" className="grid gap-1 border-l-2 border-primary/40 pl-3 text-sm text-muted-foreground">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <section aria-label={label} aria-busy={state === "streaming"} data-testid="stream-result" data-state={state}>
        {text ? (
          <MessageText text={text} documents={[document]} onCite={onCite} />
        ) : state === "streaming" ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <LoaderCircle className="size-4 animate-spin motion-reduce:animate-none" aria-hidden />
            Writing the {noun}…
          </p>
        ) : state === "done" ? (
          <p className="text-sm text-muted-foreground">The model returned no text. Try Regenerate.</p>
        ) : null}
      </section>
      {state === "stopped" ? <p className="text-sm text-muted-foreground">Stopped. The text so far is kept; Regenerate writes it anew.</p> : null}
      {state === "error" ? (
        <Alert variant="destructive">
          <AlertCircle aria-hidden />
          <AlertTitle>Writing the {noun} failed</AlertTitle>
          <AlertDescription>
            <p>{error ?? "Something went wrong. Try again."}</p>
            <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={onRetry}>
              Retry
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
    </>
  );
}
