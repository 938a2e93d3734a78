import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { categoryOf } from "@/components/tools/tool-categories";
import { ToolWorkspace } from "@/components/tools/tool-workspace";
import { Badge } from "@/components/ui/badge";
import { auth } from "@/server/auth";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { readUploadLimit } from "./read-upload-limit";

type ToolPageProps = { params: Promise<{ toolId: string }> };

// Fetched (not just prefetched) because an unknown id must 404 before rendering;
// the cached result is what HydrateClient hands to the client.
async function findTool(toolId: string) {
  const tools = await getQueryClient().fetchQuery(trpc.tool.list.queryOptions());
  return tools.find((tool) => tool.id === toolId);
}

export async function generateMetadata({ params }: ToolPageProps): Promise<Metadata> {
  const tool = await findTool((await params).toolId);
  return tool ? { title: tool.title, description: tool.description } : { title: "Tool not found" };
}

export default async function ToolPage({ params }: ToolPageProps) {
  const { toolId } = await params;
  const [tool, session] = await Promise.all([findTool(toolId), auth()]);
  if (!tool) notFound();
  const user = session?.user;
  const [maxFileBytes] = await Promise.all([
    readUploadLimit(user?.role),
    // Awaited (a small query) so a returning guest's countdown renders identically on server and client.
    user ? null : getQueryClient().prefetchQuery(trpc.file.list.queryOptions()),
  ]);

  return (
    <HydrateClient>
      <div className="mx-auto w-full max-w-3xl px-4 py-10">
        <Link
          href="/"
          className="mb-6 inline-flex items-center gap-1.5 rounded-sm text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <ArrowLeft className="size-4" aria-hidden />
          All tools
        </Link>
        <header className="mb-8">
          <Badge variant="secondary" className="mb-3">
            {categoryOf(tool.category).title}
          </Badge>
          <h1 className="text-3xl font-semibold tracking-tight">{tool.title}</h1>
          <p className="mt-2 text-muted-foreground">{tool.description}</p>
        </header>
        <ToolWorkspace key={tool.id} toolId={tool.id} isGuest={!user} maxFileBytes={maxFileBytes} />
      </div>
    </HydrateClient>
  );
}
