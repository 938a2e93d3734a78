"use client";

import { useCallback, useState } from "react";
import { uploadFile } from "@/components/files/upload-file";
import { useEnsureIdentity } from "@/components/files/use-ensure-identity";
import type { ChatDocument } from "./chat-types";

export type PendingUpload = { key: string; name: string; percent: number; error: string | null };

/** Uploads through POST /api/files, one request per file, with progress; each finished file is handed to `onUploaded`. */
export function useDocumentUploads(onUploaded: (document: ChatDocument) => void) {
  const ensureIdentity = useEnsureIdentity();
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const update = (key: string, change: Partial<PendingUpload>) => setPending((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const upload = useCallback(
    async (files: File[]) => {
      // One guest cookie first, or parallel uploads would each make a new guest.
      await ensureIdentity();
      await Promise.all(
        files.map(async (file) => {
          const key = crypto.randomUUID();
          setPending((list) => [...list, { key, name: file.name, percent: 0, error: null }]);
          try {
            const uploaded = await uploadFile(file, { onProgress: (percent) => update(key, { percent }), signal: new AbortController().signal });
            setPending((list) => list.filter((item) => item.key !== key));
            onUploaded({ id: uploaded.id, name: uploaded.name, mimeType: uploaded.mimeType });
          } catch (error) {
            update(key, { error: error instanceof Error ? error.message : "The upload failed. Try again." });
          }
        }),
      );
    },
    [ensureIdentity, onUploaded],
  );
  const dismiss = (key: string) => setPending((list) => list.filter((item) => item.key !== key));
  return { pending, upload, dismiss };
}
