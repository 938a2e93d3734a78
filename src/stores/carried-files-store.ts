import { create } from "zustand";
import type { QueueItem } from "./tool-session-store";

type Carried = { files: File[]; items: QueueItem[] };

type CarriedFilesState = Carried & {
  /** Files picked on the home page, not uploaded yet: the tool page checks and uploads them. */
  carryFiles: (files: File[]) => void;
  /** An uploaded file handed from one tool to another (a locked PDF to Unlock), so it is not sent twice. */
  carryItem: (item: QueueItem) => void;
  /** What was carried, once: the next tool page takes it and the store forgets it. */
  take: () => Carried;
};

// Client UI state that lives across one navigation: files on their way from
// one page to a tool page. Each tool page empties its own queue when it
// closes, so the hand-over cannot go through the tool session store.
export const useCarriedFilesStore = create<CarriedFilesState>()((set, get) => ({
  files: [],
  items: [],
  carryFiles: (files) => set({ files, items: [] }),
  carryItem: (item) => set({ files: [], items: [item] }),
  take: () => {
    const { files, items } = get();
    set({ files: [], items: [] });
    return { files, items };
  },
}));
