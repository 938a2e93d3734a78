"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { useTRPC } from "@/trpc/react";

/** "offline mode" (with what that means on hover and for screen readers), or the model that answers. */
export function AiModeBadge() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.ai.info.queryOptions());
  if (!data) return null;
  const hint = data.offline ? (data.limitations.answer ?? "") : `Answers come from ${data.label}.`;
  return (
    <span className="inline-flex items-center">
      <Badge variant={data.offline ? "secondary" : "outline"} title={hint}>
        {data.label}
      </Badge>
      <span className="sr-only">{hint}</span>
    </span>
  );
}
