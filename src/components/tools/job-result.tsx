"use client";

import { CircleCheck, Download } from "lucide-react";
import { useEffect, useRef } from "react";
import { fileTypeLabel } from "@/components/files/describe-file-type";
import { FileTypeIcon } from "@/components/files/file-type-icon";
import { formatBytes } from "@/shared/format-bytes";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { compareSizes } from "./compare-sizes";
import type { JobView } from "./tool-types";

/** A finished job: each result with a download link, and the size before and after when that means something. */
export function JobResult({ job, onStartOver }: { job: JobView; onStartOver: () => void }) {
  const sizes = compareSizes(job.inputs, job.outputs);
  const count = job.outputs.length;
  const card = useRef<HTMLDivElement>(null);
  // The result appears below the options, often under the fold: bring it into
  // view and put focus on the first Download (or the heading when nothing was
  // made), so keyboard and screen reader users land on it too. JobAnnouncer
  // says "Done" through its live region.
  useEffect(() => {
    const target = card.current?.querySelector<HTMLElement>("a[download]") ?? card.current?.querySelector<HTMLElement>("h2");
    card.current?.scrollIntoView({ block: "nearest" });
    target?.focus({ preventScroll: false });
  }, [job.id]);
  return (
    <Card ref={card} role="region" aria-labelledby="job-result-heading">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CircleCheck className="size-5 text-success" aria-hidden />
          <h2 id="job-result-heading" tabIndex={-1} className="outline-none">
            Done
          </h2>
        </CardTitle>
        <CardDescription>{count === 0 ? "The job finished but made no files." : count === 1 ? "Your file is ready." : `Your ${count} files are ready.`}</CardDescription>
      </CardHeader>
      {count > 0 ? (
        <CardContent className="grid gap-4">
          <ul aria-label="Results" className="divide-y rounded-lg border">
            {job.outputs.map((output) => (
              <li key={output.id} className="flex items-center gap-3 p-3">
                <FileTypeIcon mimeType={output.mimeType} className="size-5 shrink-0 text-muted-foreground" />
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{output.name}</p>
                  <p className="text-xs text-muted-foreground">
                    {formatBytes(output.size)} · {fileTypeLabel(output.mimeType)}
                  </p>
                </div>
                <Button asChild size="sm">
                  <a href={`/api/files/${output.id}/download`} download={output.name} aria-label={`Download ${output.name}`}>
                    <Download aria-hidden />
                    Download
                  </a>
                </Button>
              </li>
            ))}
          </ul>
          {sizes ? (
            <dl className="grid grid-cols-3 gap-4 rounded-lg bg-muted/60 p-4 text-sm">
              <div>
                <dt className="text-muted-foreground">Before</dt>
                <dd className="font-medium tabular-nums">{sizes.before}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">After</dt>
                <dd className="font-medium tabular-nums">{sizes.after}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Change</dt>
                <dd className="font-medium tabular-nums">{sizes.change ?? "—"}</dd>
              </div>
            </dl>
          ) : null}
        </CardContent>
      ) : null}
      <CardFooter>
        <Button variant="outline" onClick={onStartOver}>
          Start over
        </Button>
      </CardFooter>
    </Card>
  );
}
