import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AiModeBadge } from "@/components/chat/ai-mode-badge";
import { ChatWorkspace } from "@/components/chat/chat-workspace";
import { auth } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Chat with documents", description: "Ask questions about your PDFs, scans and text files; every answer cites its pages." };

type ChatPageProps = { params: Promise<{ id?: string[] }> };

/** /chat starts a new chat; /chat/<id> opens a stored one. */
export default async function ChatPage({ params }: ChatPageProps) {
  const { id } = await params;
  if (id && (id.length !== 1 || !/^[A-Za-z0-9_-]{8,64}$/.test(id[0] ?? ""))) notFound();
  const chatId = id?.[0];
  const activeId = chatId ?? crypto.randomUUID();
  if (chatId) prefetch(trpc.chat.get.queryOptions({ id: chatId }));
  prefetch(trpc.ai.info.queryOptions());
  // No file.list prefetch for the guest banner: a visitor without a guest cookie
  // left it pending in the hydrated cache for good (the banner stayed a
  // skeleton); the banner asks on the client once the chat holds a document.
  const session = await auth();
  const isGuest = !session?.user;
  return (
    <HydrateClient>
      <div className="mx-auto flex w-full max-w-7xl items-center gap-3 px-4 pt-6">
        <h1 className="text-2xl font-semibold tracking-tight">Chat with documents</h1>
        <AiModeBadge />
      </div>
      {/* A new chat's id is made here, once per visit, so server and client agree on it; the key gives every chat fresh state. */}
      <ChatWorkspace key={activeId} chatId={activeId} isNew={!chatId} isGuest={isGuest} />
    </HydrateClient>
  );
}
