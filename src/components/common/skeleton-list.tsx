import { Fragment } from "react";

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
