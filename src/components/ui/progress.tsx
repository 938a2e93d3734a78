"use client";

import * as React from "react";
import { Progress as ProgressPrimitive } from "radix-ui";

import { cn } from "@/lib/utils";

type ProgressProps = Omit<React.ComponentProps<typeof ProgressPrimitive.Root>, "value"> & {
  /** 0…max. `null`/`undefined` renders an indeterminate bar. */
  value?: number | null;
};

/**
 * Accessible progress bar (role="progressbar" with aria-valuenow/valuetext).
 * Give it a name with `aria-label` or `aria-labelledby`.
 */
function Progress({ className, value, max = 100, ...props }: ProgressProps) {
  const determinate = typeof value === "number" && Number.isFinite(value);
  const clamped = determinate ? Math.min(Math.max(value, 0), max) : null;
  const percent = clamped === null ? 0 : (clamped / max) * 100;

  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={clamped}
      max={max}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-primary/20", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn(
          "h-full bg-primary",
          determinate
            ? "w-full flex-1 transition-transform duration-300 motion-reduce:transition-none"
            : "w-2/5 animate-progress-indeterminate motion-reduce:w-full motion-reduce:animate-none motion-reduce:opacity-50",
        )}
        style={determinate ? { transform: `translateX(-${100 - percent}%)` } : undefined}
      />
    </ProgressPrimitive.Root>
  );
}

export { Progress, type ProgressProps };
