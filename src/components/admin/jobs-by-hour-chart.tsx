import { cn } from "@/lib/utils";

type Status = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELED";
type Bucket = { start: Date; counts: Record<Status, number> };

// Bottom to top in each bar; colours are paired with the legend's labels, never colour alone.
const STATUSES: { key: Status; label: string; color: string }[] = [
  { key: "SUCCEEDED", label: "Succeeded", color: "bg-success" },
  { key: "FAILED", label: "Failed", color: "bg-destructive" },
  { key: "CANCELED", label: "Canceled", color: "bg-amber-500" },
  { key: "RUNNING", label: "Running", color: "bg-primary" },
  { key: "QUEUED", label: "Queued", color: "bg-muted-foreground/50" },
];

const hourLabel = (date: Date) => date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/**
 * Stacked bars in plain CSS: one column per hour. Sighted users get the bars
 * and a legend; screen readers get the same numbers as a table.
 */
export function JobsByHourChart({ buckets, totals }: { buckets: Bucket[]; totals: Record<Status, number> }) {
  const max = Math.max(1, ...buckets.map((bucket) => STATUSES.reduce((sum, status) => sum + bucket.counts[status.key], 0)));
  return (
    <div className="grid gap-3">
      <div className="flex h-40 items-end gap-0.5 border-b" aria-hidden="true">
        {buckets.map((bucket) => {
          const total = STATUSES.reduce((sum, status) => sum + bucket.counts[status.key], 0);
          return (
            <div key={bucket.start.toISOString()} className="flex h-full flex-1 flex-col-reverse" title={`${hourLabel(bucket.start)}: ${total} jobs`}>
              {STATUSES.map((status) =>
                bucket.counts[status.key] > 0 ? (
                  <div key={status.key} className={cn("w-full first:rounded-b-none last:rounded-t-sm", status.color)} style={{ height: `${(bucket.counts[status.key] / max) * 100}%` }} />
                ) : null,
              )}
            </div>
          );
        })}
      </div>
      <div className="flex justify-between text-xs text-muted-foreground" aria-hidden="true">
        <span>{buckets[0] ? hourLabel(buckets[0].start) : ""}</span>
        <span>now</span>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Jobs by status, last 24 hours">
        {STATUSES.map((status) => (
          <li key={status.key} className="flex items-center gap-1.5">
            <span className={cn("size-2.5 rounded-sm", status.color)} aria-hidden="true" />
            {status.label}: <span className="font-medium tabular-nums">{totals[status.key].toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
      {/* The wrapper hides the table: a table itself cannot shrink to sr-only's 1px and would widen a phone's page. */}
      <div className="sr-only">
        <table>
          <caption>Jobs created per hour, by status</caption>
          <thead>
            <tr>
              <th scope="col">Hour starting</th>
              {STATUSES.map((status) => (
                <th key={status.key} scope="col">
                  {status.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter((bucket) => STATUSES.some((status) => bucket.counts[status.key] > 0))
              .map((bucket) => (
                <tr key={bucket.start.toISOString()}>
                  <th scope="row">{hourLabel(bucket.start)}</th>
                  {STATUSES.map((status) => (
                    <td key={status.key}>{bucket.counts[status.key]}</td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
