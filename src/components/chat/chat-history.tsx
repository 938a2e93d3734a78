"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { MessageSquarePlus, Trash2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";

/** Earlier chats of this visitor, newest first, with delete; the current one is marked. */
export function ChatHistory({ currentId, onDeletedCurrent }: { currentId: string; onDeletedCurrent: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const chats = useQuery(trpc.chat.list.queryOptions());
  const remove = useMutation(
    trpc.chat.delete.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.chat.list.queryKey() });
        if (id === currentId) onDeletedCurrent();
      },
    }),
  );
  return (
    <nav aria-label="Chats" className="grid min-w-0 grid-cols-1 content-start gap-2">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Chats</h2>
        <Button asChild variant="ghost" size="sm">
          <Link href="/chat">
            <MessageSquarePlus aria-hidden /> New chat
          </Link>
        </Button>
      </div>
      {chats.isPending ? <Skeleton className="h-16" /> : null}
      {chats.error ? <p className="text-xs text-destructive">Your chats could not be loaded.</p> : null}
      {chats.data?.length === 0 ? <p className="text-xs text-muted-foreground">No chats yet.</p> : null}
      <ul className="grid grid-cols-1 gap-1">
        {chats.data?.map((chat) => (
          <li key={chat.id} className="group flex items-center gap-1">
            <Link
              href={`/chat/${chat.id}`}
              aria-current={chat.id === currentId ? "page" : undefined}
              className={cn("min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-sm outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50", chat.id === currentId && "bg-accent font-medium")}
            >
              {chat.title}
            </Link>
            <Button variant="ghost" size="icon" className="size-7" disabled={remove.isPending} onClick={() => remove.mutate({ id: chat.id })} aria-label={`Delete the chat “${chat.title}”`}>
              <Trash2 aria-hidden />
            </Button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
