import { Fragment } from "react";
import { Skeleton } from "@/components/ui/skeleton";

type SkeletonListProps = React.ComponentProps<"div"> & {
  /** Read out once by screen readers in place of the placeholders. */
  label: string;
  count: number;
  /** One placeholder row or card, repeated `count` times. */
  children: React.ReactNode;
};

/** A loading region: one busy status announcing `label`, then `count` copies of the same placeholder. */
export function SkeletonList({ label, count, children, ...props }: SkeletonListProps) {
  return (
    <div role="status" aria-busy="true" {...props}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: count }, (_, index) => (
        <Fragment key={index}>{children}</Fragment>
      ))}
    </div>
  );
}

/** One placeholder made of bars, each bar a Skeleton sized by its classes (`h-4 w-1/2`). */
export function SkeletonBars({ className, bars }: { className: string; bars: readonly string[] }) {
  return (
    <div className={className}>
      {bars.map((bar, index) => (
        <Skeleton key={index} className={bar} />
      ))}
    </div>
  );
}
