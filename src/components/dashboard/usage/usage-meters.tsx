import { Progress } from "@/components/ui/progress";
import type { UsageSummary } from "../dashboard-types";
import { daysInUtcMonth, describeMeter, USAGE_METRICS, type UsageMetric } from "./usage-metrics";

function Meter({ metric, period, used, limit }: { metric: UsageMetric; period: string; used: number; limit: number }) {
  return (
    <div className="grid gap-1">
      <div className="flex justify-between gap-3 text-sm">
        <span className="text-muted-foreground">{period}</span>
        <span className="tabular-nums">
          {metric.format(used)} <span className="text-muted-foreground">of {limit.toLocaleString("en-US")}</span>
        </span>
      </div>
      <Progress value={used} max={Math.max(limit, 1)} aria-label={`${metric.label} ${period.toLowerCase()}`} aria-valuetext={describeMeter(metric, used, limit)} />
    </div>
  );
}

/**
 * Today and this month per kind. Files, jobs and AI tokens have daily caps, so
 * they get bars (the month against the cap times its days); bytes and pages
 * are capped per file and per job, which the card says instead.
 */
export function UsageMeters({ summary, now }: { summary: UsageSummary; now: Date }) {
  const days = daysInUtcMonth(now);
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {USAGE_METRICS.map((metric) => {
        const daily = metric.dailyLimit(summary.quota);
        const today = summary.today[metric.kind];
        const month = summary.month[metric.kind];
        return (
          <section key={metric.kind} aria-label={metric.label} className="grid content-start gap-3 rounded-lg border p-4">
            {/* h2: the tab panel sits right under the page's h1. */}
            <h2 className="font-medium">{metric.label}</h2>
            {daily === null ? (
              <>
                {/* A <dl> may hold only dt/dd groups: the note sits after it. */}
                <dl className="grid gap-1 text-sm">
                  <div className="flex justify-between gap-3">
                    <dt className="text-muted-foreground">Today</dt>
                    <dd className="tabular-nums">{metric.format(today)}</dd>
                  </div>
                  <div className="flex justify-between gap-3">
                    <dt className="text-muted-foreground">This month</dt>
                    <dd className="tabular-nums">{metric.format(month)}</dd>
                  </div>
                </dl>
                <p className="text-xs text-muted-foreground">{metric.note(summary.quota)}</p>
              </>
            ) : (
              <>
                <Meter metric={metric} period="Today" used={today} limit={daily} />
                <Meter metric={metric} period="This month" used={month} limit={daily * days} />
                <p className="text-xs text-muted-foreground">
                  {daily.toLocaleString("en-US")} a day
                </p>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
