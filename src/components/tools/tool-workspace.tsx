"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";
import { ToolFlow } from "./tool-flow";
import { ToolUnavailable } from "./tool-unavailable";

type ToolWorkspaceProps = { toolId: string; isGuest: boolean; maxFileBytes: number };

/** The interactive part of a tool page; the tool comes from the catalogue the server already loaded. */
export function ToolWorkspace({ toolId, isGuest, maxFileBytes }: ToolWorkspaceProps) {
  const trpc = useTRPC();
  const { data: tools } = useSuspenseQuery(trpc.tool.list.queryOptions());
  const tool = tools.find((candidate) => candidate.id === toolId);
  if (!tool) {
    return (
      <Alert variant="destructive">
        <AlertTitle>This tool is no longer available</AlertTitle>
        <AlertDescription>Reload the page or pick another tool.</AlertDescription>
      </Alert>
    );
  }
  if (!tool.availability.available) return <ToolUnavailable tool={tool} />;
  return <ToolFlow tool={tool} isGuest={isGuest} maxFileBytes={maxFileBytes} />;
}
