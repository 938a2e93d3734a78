"use client";

import { SendHorizontal, Square } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { MAX_QUESTION_CHARS } from "@/shared/limits";

type ChatComposerProps = { busy: boolean; disabledReason: string | null; onSend: (text: string) => void; onStop: () => void };

/** The question box: Enter sends, Shift+Enter starts a new line; Stop ends an answer that is streaming. */
export function ChatComposer({ busy, disabledReason, onSend, onStop }: ChatComposerProps) {
  const id = useId();
  const [text, setText] = useState("");
  const canSend = !busy && disabledReason === null && text.trim() !== "";
  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText("");
  };
  return (
    <form
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="sr-only">
        Ask a question about your documents
      </label>
      <div className="flex items-end gap-2 rounded-xl border bg-background p-2 focus-within:ring-[3px] focus-within:ring-ring/50">
        <textarea
          id={id}
          value={text}
          maxLength={MAX_QUESTION_CHARS}
          rows={2}
          placeholder="Ask a question about your documents…"
          aria-describedby={disabledReason ? `${id}-hint` : undefined}
          className="max-h-48 min-h-10 flex-1 resize-y bg-transparent px-2 py-1.5 text-sm outline-none"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
        />
        {busy ? (
          <Button type="button" variant="outline" onClick={onStop}>
            <Square aria-hidden /> Stop
          </Button>
        ) : (
          <Button type="submit" disabled={!canSend}>
            <SendHorizontal aria-hidden /> Send
          </Button>
        )}
      </div>
      {disabledReason ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {disabledReason}
        </p>
      ) : null}
    </form>
  );
}
