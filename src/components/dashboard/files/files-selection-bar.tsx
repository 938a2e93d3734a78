import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";

type FilesSelectionBarProps = { count: number; onDelete: () => void; onClear: () => void };

/** Bulk actions for the selected rows; announces the count politely as it changes. */
export function FilesSelectionBar({ count, onDelete, onClear }: FilesSelectionBarProps) {
  return (
    <div className="flex min-h-9 flex-wrap items-center gap-2">
      <p role="status" className="text-sm text-muted-foreground">
        {count > 0 ? `${count} selected` : ""}
      </p>
      {count > 0 ? (
        <>
          <Button variant="destructive" size="sm" onClick={onDelete}>
            <Trash2 aria-hidden />
            Delete selected
          </Button>
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear selection
          </Button>
        </>
      ) : null}
    </div>
  );
}
