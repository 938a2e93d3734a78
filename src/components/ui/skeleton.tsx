import * as React from "react";

import { cn } from "@/lib/utils";

/**
 * Placeholder block for loading states. It is hidden from assistive tech;
 * mark the loading region itself with `aria-busy` and a text alternative.
 */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return (
    <div
      data-slot="skeleton"
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-accent motion-reduce:animate-none", className)}
      {...props}
    />
  );
}

export { Skeleton };
