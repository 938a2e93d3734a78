import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { UsageSummary } from "../dashboard-types";
import { formatDay, USAGE_METRICS } from "./usage-metrics";

/** The chart's numbers as a table, newest day first, behind a disclosure. */
export function UsageTable({ days }: { days: UsageSummary["days"] }) {
  return (
    <details className="rounded-lg border p-3 text-sm">
      <summary className="cursor-pointer font-medium">Show the last 30 days as a table</summary>
      <Table className="mt-3">
        <caption className="sr-only">Usage per day, last 30 days (UTC)</caption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Day</TableHead>
            {USAGE_METRICS.map((metric) => (
              <TableHead key={metric.kind} scope="col" className="text-right">
                {metric.label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {[...days].reverse().map((day) => (
            <TableRow key={day.date.toISOString()}>
              <TableHead scope="row" className="font-normal">
                {formatDay(day.date)}
              </TableHead>
              {USAGE_METRICS.map((metric) => (
                <TableCell key={metric.kind} className="text-right tabular-nums">
                  {metric.format(day[metric.kind])}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
