import { HomeFilePicker } from "@/components/home/home-file-picker";
import { QueryBoundary } from "@/components/tools/query-boundary";
import { ToolGrid } from "@/components/tools/tool-grid";
import { ToolGridSkeleton } from "@/components/tools/tool-grid-skeleton";
import { Skeleton } from "@/components/ui/skeleton";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export default function HomePage() {
  prefetch(trpc.tool.list.queryOptions());
  return (
    <HydrateClient>
      <div className="mx-auto w-full max-w-6xl px-4 py-12">
        <section className="mb-10 max-w-2xl">
          <h1 className="text-4xl font-semibold tracking-tight text-balance">Every file tool you need, with live progress.</h1>
          <p className="mt-3 text-lg text-muted-foreground">
            No account needed: guests&apos; files are deleted 24 hours after upload. Sign up to keep your work.
          </p>
        </section>
        <section aria-labelledby="start-heading" className="mb-12">
          <h2 id="start-heading" className="mb-4 text-xl font-semibold">
            Start with a file
          </h2>
          <QueryBoundary fallback={<Skeleton className="h-48 w-full rounded-xl" />} errorTitle="The tools could not be loaded">
            <HomeFilePicker />
          </QueryBoundary>
        </section>
        <section aria-labelledby="tools-heading">
          <h2 id="tools-heading" className="mb-6 text-xl font-semibold">
            Tools
          </h2>
          <QueryBoundary fallback={<ToolGridSkeleton />} errorTitle="The tools could not be loaded">
            <ToolGrid />
          </QueryBoundary>
        </section>
      </div>
    </HydrateClient>
  );
}
