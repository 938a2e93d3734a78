import { ArrowDown, ArrowUp, CircleX, LockKeyhole, LockKeyholeOpen, RotateCw, X } from "lucide-react";
import { fileTypeLabel } from "@/components/files/describe-file-type";
import { FileTypeIcon } from "@/components/files/file-type-icon";
import { formatBytes } from "@/shared/format-bytes";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { QueueItem } from "@/stores/tool-session-store";

type FileQueueItemProps = {
  item: QueueItem;
  /** Set when order matters: the item's place, and moves. */
  position: { index: number; count: number; onMove: (delta: -1 | 1) => void } | null;
  locked: boolean;
  onRetry: () => void;
  onRemove: () => void;
  /** Null where unlocking is not offered; shown only for a password-protected PDF. */
  onUnlock: (() => void) | null;
};

function ItemIcon({ item }: { item: QueueItem }) {
  if (item.status === "failed") return <CircleX className="size-5 text-destructive" aria-hidden />;
  return <FileTypeIcon mimeType={item.uploaded?.mimeType ?? item.file.type} className="size-5 text-muted-foreground" />;
}

/** One queued file: its upload progress, then size and type, or what went wrong. */
export function FileQueueItem({ item, position, locked, onRetry, onRemove, onUnlock }: FileQueueItemProps) {
  const name = item.file.name;
  return (
    <li className="flex items-start gap-3 rounded-lg border bg-card p-3" data-key={item.key}>
      {position ? (
        <span className="w-5 pt-0.5 text-right text-sm text-muted-foreground tabular-nums" aria-hidden>
          {position.index + 1}
        </span>
      ) : null}
      <ItemIcon item={item} />
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="truncate text-sm font-medium" title={name}>
          {name}
        </p>
        {item.status === "uploading" ? (
          <div className="flex items-center gap-2">
            <Progress value={item.progress} aria-label={`Uploading ${name}`} className="h-1.5" />
            <span className="w-10 text-right text-xs text-muted-foreground tabular-nums">{item.progress}%</span>
          </div>
        ) : null}
        {item.uploaded ? (
          <p className="text-xs text-muted-foreground">
            {formatBytes(item.uploaded.size)} · {fileTypeLabel(item.uploaded.mimeType)}
          </p>
        ) : null}
        {item.uploaded?.encrypted ? (
          <p className="flex items-center gap-1.5 text-sm font-medium" data-testid="password-protected">
            <LockKeyhole className="size-4" aria-hidden />
            Password-protected: tools other than Unlock PDF cannot open it.
          </p>
        ) : null}
        {item.status === "failed" && item.error ? (
          <p role="alert" className="text-sm text-destructive">
            {item.error}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-1">
        {item.uploaded?.encrypted && onUnlock ? (
          <Button variant="outline" size="sm" onClick={onUnlock} disabled={locked} aria-label={`Unlock ${name}`}>
            <LockKeyholeOpen aria-hidden />
            Unlock
          </Button>
        ) : null}
        {item.status === "failed" && item.retryable ? (
          <Button variant="outline" size="sm" onClick={onRetry} aria-label={`Retry ${name}`}>
            <RotateCw aria-hidden />
            Retry
          </Button>
        ) : null}
        {position ? (
          <>
            <Button variant="ghost" size="icon" data-move="up" aria-label={`Move ${name} up`} disabled={locked || position.index === 0} onClick={() => position.onMove(-1)}>
              <ArrowUp aria-hidden />
            </Button>
            <Button
              variant="ghost"
              size="icon"
              data-move="down"
              aria-label={`Move ${name} down`}
              disabled={locked || position.index === position.count - 1}
              onClick={() => position.onMove(1)}
            >
              <ArrowDown aria-hidden />
            </Button>
          </>
        ) : null}
        <Button variant="ghost" size="icon" aria-label={`Remove ${name}`} disabled={locked} onClick={onRemove}>
          <X aria-hidden />
        </Button>
      </div>
    </li>
  );
}
