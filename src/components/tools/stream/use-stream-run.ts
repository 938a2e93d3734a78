"use client";

import { useCallback, useState } from "react";
import type { UploadedFile } from "@/components/files/upload-file";
import { useToolSessionStore } from "@/stores/tool-session-store";
import type { ToolInfo } from "../tool-types";

export type StreamResultInfo = NonNullable<ToolInfo["stream"]>;

/** One press of Run that streams: which tool, document and options. A new press is a new run with a new id. */
export type StreamRun = {
  id: number;
  toolId: string;
  result: StreamResultInfo;
  file: Pick<UploadedFile, "id" | "name" | "mimeType">;
  options: Record<string, unknown>;
};

/** The streamed run on the tool page, if any. Starting one takes the place of a job shown before. */
export function useStreamRun() {
  const [run, setRun] = useState<StreamRun | null>(null);
  const setJobId = useToolSessionStore((state) => state.setJobId);
  const start = useCallback(
    (tool: ToolInfo, file: UploadedFile, options: Record<string, unknown>) => {
      const result = tool.stream;
      if (!result) return;
      setJobId(null);
      setRun((previous) => ({ id: (previous?.id ?? 0) + 1, toolId: tool.id, result, file: { id: file.id, name: file.name, mimeType: file.mimeType }, options }));
    },
    [setJobId],
  );
  const clear = useCallback(() => setRun(null), []);
  return { run, start, clear };
}
