import { Files, SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

type FilesEmptyProps = { filtered: boolean; onClearFilters: () => void };

/** No files at all (pointing to the tools), or none that match the filters. */
export function FilesEmpty({ filtered, onClearFilters }: FilesEmptyProps) {
  if (filtered) {
    return (
      <div className="flex flex-col items-center gap-3 rounded-lg border py-10 text-center">
        <SearchX className="size-10 text-muted-foreground" aria-hidden />
        <p className="text-muted-foreground">No files match these filters.</p>
        <Button variant="outline" onClick={onClearFilters}>
          Clear filters
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border py-10 text-center">
      <Files className="size-10 text-muted-foreground" aria-hidden />
      <p className="font-medium">No files yet</p>
      <p className="max-w-sm text-sm text-muted-foreground">Files you upload to a tool, and the results of your jobs, appear here.</p>
      <Button asChild>
        <Link href="/">Pick a tool</Link>
      </Button>
    </div>
  );
}
