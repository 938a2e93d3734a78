"use client";

import type { UIMessage } from "ai";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { ChatDocument, PreviewTarget } from "./chat-types";
import { MessageText } from "./message-text";

type ChatMessagesProps = {
  messages: UIMessage[];
  documents: readonly ChatDocument[];
  streaming: boolean;
  canRegenerate: boolean;
  onCite: (target: PreviewTarget) => void;
  onRegenerate: () => void;
};

const textOf = (message: UIMessage) => message.parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");

/**
 * The conversation. Not a live region: a screen reader would read every
 * streamed word; ChatAnnouncer says when an answer starts and ends instead.
 */
export function ChatMessages({ messages, documents, streaming, canRegenerate, onCite, onRegenerate }: ChatMessagesProps) {
  const lastAssistant = messages.findLastIndex((message) => message.role === "assistant");
  return (
    <ol className="grid gap-5" aria-label="Conversation">
      {messages.map((message, index) => {
        const mine = message.role === "user";
        const text = textOf(message);
        const live = streaming && index === messages.length - 1 && !mine;
        return (
          <li key={message.id} className={cn("grid gap-1", mine ? "justify-items-end" : "justify-items-start")} aria-busy={live || undefined} data-role={message.role}>
            <h3 className="sr-only">{mine ? "You asked" : "FileForge answered"}</h3>
            <div className={cn("max-w-[min(44rem,100%)] rounded-2xl px-4 py-3 text-sm", mine ? "bg-primary text-primary-foreground" : "border bg-card")}>
              {mine ? <p className="whitespace-pre-wrap">{text}</p> : <MessageText text={text} documents={documents} onCite={onCite} />}
              {live && text === "" ? <p className="text-muted-foreground">Thinking…</p> : null}
            </div>
            {index === lastAssistant && canRegenerate ? (
              <Button variant="ghost" size="sm" onClick={onRegenerate}>
                <RotateCcw aria-hidden /> Regenerate
              </Button>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
