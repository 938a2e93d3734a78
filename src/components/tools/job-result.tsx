import { CircleCheck, Download, FileImage, FileText } from "lucide-react";
import { fileTypeLabel } from "@/components/files/describe-file-type";
import { formatBytes, formatSizeChange } from "@/shared/format-bytes";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { JobView } from "./tool-types";

const sum = (files: readonly { size: number }[]) => files.reduce((total, file) => total + file.size, 0);

/** A finished job: each result with a download link, and the size before and after. */
export function JobResult({ job, onStartOver }: { job: JobView; onStartOver: () => void }) {
  const before = sum(job.inputs);
  const after = sum(job.outputs);
  const change = formatSizeChange(before, after);
  const count = job.outputs.length;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CircleCheck className="size-5 text-success" aria-hidden />
          Done
        </CardTitle>
        <CardDescription>{count === 0 ? "The job finished but made no files." : count === 1 ? "Your file is ready." : `Your ${count} files are ready.`}</CardDescription>
      </CardHeader>
      {count > 0 ? (
        <CardContent className="grid gap-4">
          <ul aria-label="Results" className="divide-y rounded-lg border">
            {job.outputs.map((output) => {
              const Icon = output.mimeType.startsWith("image/") ? FileImage : FileText;
              return (
                <li key={output.id} className="flex items-center gap-3 p-3">
                  <Icon className="size-5 shrink-0 text-muted-foreground" aria-hidden />
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
              );
            })}
          </ul>
          <dl className="grid grid-cols-3 gap-4 rounded-lg bg-muted/60 p-4 text-sm">
            <div>
              <dt className="text-muted-foreground">Before</dt>
              <dd className="font-medium tabular-nums">{formatBytes(before)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">After</dt>
              <dd className="font-medium tabular-nums">{formatBytes(after)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Change</dt>
              <dd className="font-medium tabular-nums">{change ?? "—"}</dd>
            </div>
          </dl>
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
