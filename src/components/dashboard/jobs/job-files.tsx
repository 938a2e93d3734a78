import { ArrowRight, Download } from "lucide-react";
import { formatBytes } from "@/shared/format-bytes";
import { downloadHref, type JobItem } from "../dashboard-types";

type FileRef = JobItem["outputs"][number];

function FileLinks({ label, files, empty }: { label: string; files: readonly FileRef[]; empty: string }) {
  if (files.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul aria-label={label} className="grid gap-1">
      {files.map((file) => (
        <li key={file.id} className="flex min-w-0 items-center gap-2 text-sm">
          <a
            href={downloadHref(file.id)}
            download={file.name}
            aria-label={`Download ${file.name}`}
            className="inline-flex min-w-0 items-center gap-1.5 rounded-sm underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <Download className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
            <span className="truncate">{file.name}</span>
          </a>
          <span className="shrink-0 text-xs text-muted-foreground tabular-nums">{formatBytes(file.size)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Inputs → outputs, each a download link. Deleted files no longer appear; how many inputs went is said. */
export function JobFiles({ job }: { job: JobItem }) {
  const finished = job.status === "succeeded";
  const missing = job.missingInputs;
  return (
    <div className="grid items-start gap-2 sm:grid-cols-[1fr_auto_1fr]">
      <div className="grid gap-1">
        <FileLinks label="Inputs" files={job.inputs} empty="Inputs deleted" />
        {missing > 0 && job.inputs.length > 0 ? (
          <p className="text-xs text-muted-foreground">
            {missing} {missing === 1 ? "input was" : "inputs were"} deleted, so this job cannot run again.
          </p>
        ) : null}
      </div>
      <ArrowRight className="hidden size-4 self-center text-muted-foreground sm:block" aria-hidden />
      <FileLinks label="Outputs" files={job.outputs} empty={finished ? "Outputs deleted" : "No outputs yet"} />
    </div>
  );
}
