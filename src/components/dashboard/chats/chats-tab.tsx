"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { MessagesSquare } from "lucide-react";
import Link from "next/link";
import { SkeletonBars, SkeletonList } from "@/components/common/skeleton-list";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";
import { chatHref } from "../dashboard-types";
import { LocalTime } from "../local-time";

/** The Chats tab: recent document chats, each reopening where it left off. */
export function ChatsTab() {
  const trpc = useTRPC();
  const { data: chats } = useSuspenseQuery(trpc.chat.list.queryOptions());
  if (chats.length === 0) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-lg border py-10 text-center">
        <MessagesSquare className="size-10 text-muted-foreground" aria-hidden />
        <p className="text-muted-foreground">No chats yet. Ask questions about a PDF and the conversation is kept here.</p>
        <Button asChild>
          <Link href={chatHref()}>Start a chat</Link>
        </Button>
      </div>
    );
  }
  return (
    <ul aria-label="Chats" className="divide-y rounded-lg border">
      {chats.map((chat) => (
        <li key={chat.id}>
          <Link
            href={chatHref(chat.id)}
            className="grid gap-1 p-4 outline-none hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <span className="font-medium">{chat.title}</span>
            <span className="text-sm text-muted-foreground">
              {chat.files.length > 0 ? `${chat.files.map((file) => file.name).join(", ")} · ` : ""}
              Last active <LocalTime date={chat.updatedAt} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function ChatsSkeleton() {
  return (
    <SkeletonList label="Loading your chats…" count={3} className="grid gap-3 rounded-lg border p-4">
      <SkeletonBars className="grid gap-2" bars={["h-4 w-1/2", "h-3 w-1/3"]} />
    </SkeletonList>
  );
}
