import Link from "next/link";
import { listFileTypes } from "@/components/files/describe-file-type";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { categoryOf } from "./tool-categories";
import type { ToolInfo } from "./tool-types";

function fileCount(tool: ToolInfo): string {
  if (tool.minFiles === tool.maxFiles) return tool.maxFiles === 1 ? "1 file" : `${tool.maxFiles} files`;
  return `${tool.minFiles}–${tool.maxFiles} files`;
}

/**
 * One tool in the grid. The title is the link; it stretches over the card so the whole card is clickable.
 * A tool this server cannot run stays listed (people look for it) but says so, with the reason.
 */
export function ToolCard({ tool }: { tool: ToolInfo }) {
  const Icon = categoryOf(tool.category).icon;
  const { available, reason } = tool.availability;
  return (
    <Card className="relative h-full gap-3 transition-colors focus-within:ring-[3px] focus-within:ring-ring/50 hover:border-primary/50 hover:bg-accent/40">
      <CardHeader>
        <Icon className="mb-2 size-6 text-primary" aria-hidden />
        <CardTitle>
          <h4>
            <Link href={`/tools/${tool.id}`} className="outline-none after:absolute after:inset-0 after:rounded-xl">
              {tool.title}
            </Link>
          </h4>
        </CardTitle>
        <CardDescription>{tool.description}</CardDescription>
        {available ? null : (
          <p className="mt-2 text-sm">
            <Badge variant="outline" className="mr-2">
              Unavailable
            </Badge>
            <span className="text-muted-foreground">{reason}</span>
          </p>
        )}
      </CardHeader>
      <p className="mt-auto px-6 text-xs text-muted-foreground">
        {listFileTypes(tool.accepts)} · {fileCount(tool)}
      </p>
    </Card>
  );
}
