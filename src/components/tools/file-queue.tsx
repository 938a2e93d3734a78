"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { removeQueuedFile, retryUpload, type UploadRules } from "@/components/files/upload-queue-actions";
import { useCarriedFilesStore } from "@/stores/carried-files-store";
import { useToolSessionStore } from "@/stores/tool-session-store";
import { FileQueueItem } from "./file-queue-item";

/**
 * The picked files in the order they will be sent. When order matters, each
 * file has up/down buttons; focus stays on the moved file and the new place
 * is announced.
 */
type FileQueueProps = {
  rules: UploadRules;
  ordered: boolean;
  locked: boolean;
  /** Whether a password-protected PDF gets an Unlock button (not on the Unlock tool, whose form asks for the password). */
  offerUnlock: boolean;
};

export function FileQueue({ rules, ordered, locked, offerUnlock }: FileQueueProps) {
  const router = useRouter();
  const items = useToolSessionStore((state) => state.items);
  const moveItem = useToolSessionStore((state) => state.moveItem);
  const listRef = useRef<HTMLDivElement>(null);
  const [announcement, setAnnouncement] = useState("");

  if (items.length === 0) return null;

  const move = (key: string, name: string, index: number, delta: -1 | 1) => {
    moveItem(key, delta);
    const to = index + delta;
    setAnnouncement(`${name} moved to position ${to + 1} of ${items.length}.`);
    // After React re-renders: keep focus on the moved file, on the other arrow if this one is now disabled.
    requestAnimationFrame(() => {
      const row = listRef.current?.querySelector(`[data-key="${key}"]`);
      const same = row?.querySelector<HTMLButtonElement>(`[data-move="${delta < 0 ? "up" : "down"}"]`);
      const other = row?.querySelector<HTMLButtonElement>(`[data-move="${delta < 0 ? "down" : "up"}"]`);
      (same && !same.disabled ? same : other)?.focus();
    });
  };

  const List = ordered ? "ol" : "ul";
  return (
    <div ref={listRef}>
      <List aria-label="Files" className="grid gap-2">
        {items.map((item, index) => (
          <FileQueueItem
            key={item.key}
            item={item}
            locked={locked}
            position={ordered ? { index, count: items.length, onMove: (delta) => move(item.key, item.file.name, index, delta) } : null}
            onRetry={() => retryUpload(item.key, rules)}
            onRemove={() => removeQueuedFile(item.key)}
            onUnlock={
              offerUnlock
                ? () => {
                    // The stored upload goes along, so Unlock starts with it and nothing is sent twice.
                    useCarriedFilesStore.getState().carryItem(item);
                    router.push("/tools/pdf.unlock");
                  }
                : null
            }
          />
        ))}
      </List>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
