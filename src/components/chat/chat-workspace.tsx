"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { QueryBoundary } from "@/components/tools/query-boundary";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";
import { ChatLayout } from "./chat-layout";

function StoredChat({ chatId, isGuest }: { chatId: string; isGuest: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.chat.get.queryOptions({ id: chatId }));
  return <ChatLayout chatId={chatId} initialMessages={data.messages} initialDocuments={data.files} isNew={false} isGuest={isGuest} />;
}

function LoadingChat() {
  return (
    <div className="mx-auto grid w-full max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[16rem_1fr]" aria-busy="true">
      <Skeleton className="h-48" />
      <Skeleton className="h-96" />
    </div>
  );
}

/** A new chat (id made by the page), or a stored one loaded with its messages. */
export function ChatWorkspace({ chatId, isNew, isGuest }: { chatId: string; isNew: boolean; isGuest: boolean }) {
  if (isNew) return <ChatLayout chatId={chatId} initialMessages={[]} initialDocuments={[]} isNew isGuest={isGuest} />;
  return (
    <QueryBoundary fallback={<LoadingChat />} errorTitle="This chat could not be opened">
      <StoredChat chatId={chatId} isGuest={isGuest} />
    </QueryBoundary>
  );
}
