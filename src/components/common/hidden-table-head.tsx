import { TableHead } from "@/components/ui/table";

/** A column heading only screen readers hear: a column of thumbnails or buttons needs a name, not a visible one. */
export function HiddenTableHead({ children, ...props }: React.ComponentProps<typeof TableHead>) {
  return (
    <TableHead {...props}>
      <span className="sr-only">{children}</span>
    </TableHead>
  );
}
