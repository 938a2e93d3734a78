import { create } from "zustand";
import type { UploadedFile } from "@/components/files/upload-file";

export type QueueItemStatus = "uploading" | "uploaded" | "failed";

/** One file the person picked for the current tool, from selection to stored upload. */
export type QueueItem = {
  /** Client-side key; the server id arrives with `uploaded`. */
  key: string;
  file: File;
  status: QueueItemStatus;
  /** Bytes sent, 0..100. */
  progress: number;
  error: string | null;
  /** False when sending the same file again cannot help (too large, wrong type). */
  retryable: boolean;
  uploaded: UploadedFile | null;
};

type ToolSessionState = {
  items: QueueItem[];
  /** The job this page shows (running or finished); its state lives in TanStack Query. */
  jobId: string | null;
  addItems: (items: QueueItem[]) => void;
  updateItem: (key: string, patch: Partial<Omit<QueueItem, "key" | "file">>) => void;
  /** Moves an item up (-1) or down (+1); out-of-range moves do nothing. */
  moveItem: (key: string, delta: -1 | 1) => void;
  removeItem: (key: string) => void;
  setJobId: (jobId: string | null) => void;
  reset: () => void;
};

// Client UI state of the tool page: the file queue with upload progress, and
// which job is on screen. Server state (jobs, file lists) stays in TanStack Query.
export const useToolSessionStore = create<ToolSessionState>()((set) => ({
  items: [],
  jobId: null,
  addItems: (items) => set((state) => ({ items: [...state.items, ...items] })),
  updateItem: (key, patch) =>
    set((state) => ({ items: state.items.map((item) => (item.key === key ? { ...item, ...patch } : item)) })),
  moveItem: (key, delta) =>
    set((state) => {
      const from = state.items.findIndex((item) => item.key === key);
      const to = from + delta;
      const moving = state.items[from];
      if (from < 0 || to < 0 || to >= state.items.length || !moving) return state;
      const items = state.items.filter((item) => item.key !== key);
      items.splice(to, 0, moving);
      return { items };
    }),
  removeItem: (key) => set((state) => ({ items: state.items.filter((item) => item.key !== key) })),
  setJobId: (jobId) => set({ jobId }),
  reset: () => set({ items: [], jobId: null }),
}));
