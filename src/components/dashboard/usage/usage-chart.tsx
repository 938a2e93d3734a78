"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { UsageSummary } from "../dashboard-types";
import { formatDay, USAGE_METRICS, type UsageKind } from "./usage-metrics";

// User units of the drawing; it is stretched to the width of its card.
const WIDTH = 600;
const HEIGHT = 120;
const GAP = 4;

/**
 * The last 30 days of one kind as bars, in plain SVG. Each bar has a <title>
 * (hover, and screen readers that walk the graphic); the table beside it
 * carries the same numbers for everyone else.
 */
export function UsageChart({ days }: { days: UsageSummary["days"] }) {
  const [kind, setKind] = useState<UsageKind>("JOB");
  const metric = USAGE_METRICS.find((candidate) => candidate.kind === kind) ?? USAGE_METRICS[0];
  const titleId = useId();
  const values = days.map((day) => day[kind]);
  const max = Math.max(1, ...values);
  const slot = WIDTH / Math.max(1, days.length);
  const first = days.at(0);
  const last = days.at(-1);
  if (!metric) return null;
  return (
    <div className="grid gap-3">
      <div role="group" aria-label="Show in the chart" className="flex flex-wrap gap-1">
        {USAGE_METRICS.map((candidate) => (
          <Button
            key={candidate.kind}
            size="sm"
            variant={candidate.kind === kind ? "secondary" : "ghost"}
            aria-pressed={candidate.kind === kind}
            onClick={() => setKind(candidate.kind)}
          >
            {candidate.label}
          </Button>
        ))}
      </div>
      {/* Stretched to the card's width (preserveAspectRatio="none"), so the labels live in HTML below, unstretched. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-labelledby={titleId} className="h-32 w-full text-primary">
        <title id={titleId}>{`${metric.label} per day over the last 30 days; the most in a day was ${metric.format(Math.max(0, ...values))}.`}</title>
        <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} className="stroke-border" vectorEffect="non-scaling-stroke" />
        {days.map((day, index) => {
          const value = day[kind];
          const height = value === 0 ? 0 : Math.max(2, ((HEIGHT - 4) * value) / max);
          return (
            <rect key={day.date.toISOString()} x={index * slot + GAP / 2} y={HEIGHT - height} width={slot - GAP} height={height} className="fill-current">
              <title>{`${formatDay(day.date)}: ${metric.format(value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="flex justify-between text-xs text-muted-foreground" aria-hidden>
        <span>{first ? formatDay(first.date) : ""}</span>
        <span>{values.every((value) => value === 0) ? "Nothing in these 30 days" : `Most in a day: ${metric.format(Math.max(...values))}`}</span>
        <span>{last ? formatDay(last.date) : ""}</span>
      </div>
    </div>
  );
}
