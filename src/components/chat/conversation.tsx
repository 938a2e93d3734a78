"use client";

import { useChat } from "@ai-sdk/react";
import { useQueryClient } from "@tanstack/react-query";
import { DefaultChatTransport, type UIMessage } from "ai";
import { useEffect, useMemo, useRef, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { ChatAnnouncer } from "./chat-announcer";
import { ChatComposer } from "./chat-composer";
import { ChatMessages } from "./chat-messages";
import type { ChatDocument, PreviewTarget } from "./chat-types";
import { readChatError } from "./read-chat-error";

type ConversationProps = {
  chatId: string;
  initialMessages: UIMessage[];
  documents: readonly ChatDocument[];
  /** Why a question cannot be sent yet (no documents, still preparing), or null. */
  notReady: string | null;
  onCite: (target: PreviewTarget) => void;
  onFirstAnswer: () => void;
};

/** Questions and streamed answers through POST /api/chat (useChat), with stop, regenerate and readable errors. */
export function Conversation({ chatId, initialMessages, documents, notReady, onCite, onFirstAnswer }: ConversationProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const transport = useMemo(() => new DefaultChatTransport<UIMessage>({ api: "/api/chat" }), []);
  // Sent with every request, so documents added mid-chat take part from the next question on.
  const body = { fileIds: documents.map((document) => document.id) };
  const [answered, setAnswered] = useState(false);
  const { messages, sendMessage, regenerate, stop, status, error, clearError } = useChat({
    id: chatId,
    messages: initialMessages,
    transport,
    onFinish: () => {
      setAnswered(true);
      onFirstAnswer();
      void queryClient.invalidateQueries({ queryKey: trpc.chat.list.queryKey() });
    },
  });
  const busy = status === "submitted" || status === "streaming";
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: "end" });
  }, [messages]);

  return (
    <section aria-label="Chat" className="flex min-h-[60vh] flex-col gap-4">
      <ChatAnnouncer status={status} answered={answered} />
      <div className="flex-1">
        {messages.length === 0 ? (
          <div className="grid place-items-center gap-2 rounded-xl border border-dashed p-10 text-center">
            <p className="font-medium">Ask anything about your documents</p>
            <p className="max-w-md text-sm text-muted-foreground">Every answer cites the pages it comes from. Select a citation to see that page next to the chat.</p>
          </div>
        ) : (
          <ChatMessages
            messages={messages}
            documents={documents}
            streaming={busy}
            canRegenerate={status === "ready" || status === "error"}
            onCite={onCite}
            onRegenerate={() => {
              clearError();
              setAnswered(false);
              void regenerate({ body });
            }}
          />
        )}
        <div ref={endRef} />
      </div>
      {error ? (
        <Alert variant="destructive">
          <AlertTitle>The answer could not be completed</AlertTitle>
          <AlertDescription>
            <p>{readChatError(error)}</p>
            <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={() => void regenerate({ body })}>
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : null}
      <ChatComposer
        busy={busy}
        disabledReason={notReady}
        onStop={() => void stop()}
        onSend={(text) => {
          clearError();
          setAnswered(false);
          void sendMessage({ text }, { body });
        }}
      />
    </section>
  );
}
