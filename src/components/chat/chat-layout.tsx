"use client";

import { useQueries } from "@tanstack/react-query";
import type { UIMessage } from "ai";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { GuestExpiryBanner } from "@/components/files/guest-expiry-banner";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { ChatHistory } from "./chat-history";
import type { ChatDocument, PreviewTarget } from "./chat-types";
import { Conversation } from "./conversation";
import { DocumentPanel } from "./document-panel";
import { PagePreview } from "./page-preview";

type ChatLayoutProps = { chatId: string; initialMessages: UIMessage[]; initialDocuments: ChatDocument[]; isNew: boolean; isGuest: boolean };

/** Documents and chats on the left, the conversation in the middle, the cited page on the right. */
export function ChatLayout({ chatId, initialMessages, initialDocuments, isNew, isGuest }: ChatLayoutProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [documents, setDocuments] = useState(initialDocuments);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const statuses = useQueries({ queries: documents.map((document) => trpc.document.status.queryOptions({ fileId: document.id })) });
  const states = statuses.map((query) => query.data?.status ?? "not-started");
  const notReady =
    documents.length === 0
      ? "Add a document to start."
      : states.includes("failed")
        ? "Remove the documents that could not be prepared, or try them again."
        : states.every((state) => state === "ready")
          ? null
          : "Your documents are being prepared; you can ask as soon as they are ready.";
  const previewStatus = preview ? statuses[documents.findIndex((document) => document.id === preview.fileId)]?.data : undefined;

  const addDocument = (document: ChatDocument) => setDocuments((list) => (list.some((item) => item.id === document.id) ? list : [...list, document]));
  const onFirstAnswer = () => {
    // The address becomes the chat's own, so a reload or a shared tab comes back to it.
    if (isNew && window.location.pathname === "/chat") window.history.replaceState(null, "", `/chat/${chatId}`);
  };

  // The same countdown and "Delete now" as the tool pages; after deleting, the
  // chat's documents are gone, so a fresh chat is the only sensible place to be.
  const banner = isGuest ? (
    <div className="mx-auto w-full max-w-7xl px-4 pt-4">
      <GuestExpiryBanner
        sessionFiles={documents.map((document) => ({ id: document.id, expiresAt: null, jobId: null }))}
        prepareDelete={async () => documents.map((document) => document.id)}
        onDeleted={() => {
          setDocuments([]);
          setPreview(null);
          router.push("/chat");
        }}
      />
    </div>
  ) : null;

  return (
    <>
      {banner}
      <div className={cn("mx-auto grid w-full max-w-7xl gap-6 px-4 py-6", preview ? "lg:grid-cols-[16rem_minmax(0,1fr)_minmax(0,28rem)]" : "lg:grid-cols-[16rem_minmax(0,1fr)]")}>
        <aside className="grid min-w-0 grid-cols-1 content-start gap-8">
          <DocumentPanel documents={documents} onAdd={addDocument} onRemove={(id) => setDocuments((list) => list.filter((item) => item.id !== id))} busy={false} />
          <ChatHistory currentId={chatId} onDeletedCurrent={() => router.push("/chat")} />
        </aside>
        <Conversation chatId={chatId} initialMessages={initialMessages} documents={documents} notReady={notReady} onCite={setPreview} onFirstAnswer={onFirstAnswer} />
        {preview ? (
          <aside className="lg:sticky lg:top-20 lg:self-start">
            <PagePreview target={preview} pageCount={previewStatus?.pageCount ?? null} onNavigate={(page) => setPreview({ ...preview, page })} onClose={() => setPreview(null)} />
          </aside>
        ) : null}
      </div>
    </>
  );
}
