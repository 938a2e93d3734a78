"use client";

import dynamic from "next/dynamic";
import { useEffect, useMemo, useState } from "react";
import { toast } from "sonner";
import { GuestExpiryBanner } from "@/components/files/guest-expiry-banner";
import { useEnsureIdentity } from "@/components/files/use-ensure-identity";
import { clearToolSession, enqueueFiles, type UploadRules } from "@/components/files/upload-queue-actions";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useCarriedFilesStore } from "@/stores/carried-files-store";
import { useToolSessionStore } from "@/stores/tool-session-store";
import { useTRPCClient } from "@/trpc/react";
import { DropZone } from "./drop-zone";
import { FileQueue } from "./file-queue";
import { JobAnnouncer } from "./job-announcer";
import { JobPanel } from "./job-panel";
import { fromDrafts, readOptionsSchema, toDrafts } from "./read-options-schema";
import { RunForm } from "./run-form";
import { runReadiness } from "./run-readiness";
import { runHint, runMode } from "./stream/run-mode";
import { useStreamRun } from "./stream/use-stream-run";
import { ACTIVE_STATUSES, type ToolInfo, toolKeepsOrder } from "./tool-types";
import { useJob } from "./use-job";
import { useRunJob } from "./use-run-job";

// Only AI tools stream; the AI SDK's client (~80 KB compressed) loads when one runs, not with every tool page.
const StreamPanel = dynamic(() => import("./stream/stream-panel").then((module) => module.StreamPanel));

const UNLOCK_TOOL_ID = "pdf.unlock";

type ToolFlowProps = { tool: ToolInfo; isGuest: boolean; maxFileBytes: number };

/** The whole tool page flow: files → options → run → live progress → result. */
export function ToolFlow({ tool, isGuest, maxFileBytes }: ToolFlowProps) {
  const client = useTRPCClient();
  const ensureIdentity = useEnsureIdentity();
  const rules: UploadRules = useMemo(
    () => ({ toolTitle: tool.title, accepts: tool.accepts, maxFiles: tool.maxFiles, maxFileBytes, ensureIdentity }),
    [tool.title, tool.accepts, tool.maxFiles, maxFileBytes, ensureIdentity],
  );
  const fields = useMemo(() => readOptionsSchema(tool.optionsSchema), [tool.optionsSchema]);
  const [drafts, setDrafts] = useState(() => toDrafts(fields, tool.defaultOptions));
  const items = useToolSessionStore((state) => state.items);
  const jobState = useJob(useToolSessionStore((state) => state.jobId));
  const runJob = useRunJob();
  const streamRun = useStreamRun();
  // Files carried here from the home page or another tool join the queue;
  // leaving the page stops its uploads and forgets its queue.
  useEffect(() => {
    const carried = useCarriedFilesStore.getState().take();
    if (carried.items.length > 0) useToolSessionStore.getState().addItems(carried.items);
    if (carried.files.length > 0) enqueueFiles(carried.files, rules);
    return clearToolSession;
    // Once per page: `rules` only changes with the tool, and the page remounts for another tool.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const job = jobState.job.data ?? null;
  const active = runJob.isPending || (job !== null && ACTIVE_STATUSES.includes(job.status));
  const readiness = runReadiness(tool, items);
  const ordered = toolKeepsOrder(tool);

  const run = () => {
    if (!readiness.ready || active) return;
    const uploaded = items.flatMap((item) => (item.uploaded ? [item.uploaded] : []));
    const options = fromDrafts(fields, drafts);
    // One document of a tool that can stream: the result is written on the page, no job.
    if (runMode(tool, uploaded.length).kind === "stream" && uploaded[0]) {
      runJob.reset();
      streamRun.start(tool, uploaded[0], options);
      return;
    }
    streamRun.clear();
    runJob.mutate({ tool: tool.id, fileIds: uploaded.map((file) => file.id), options });
  };
  const startOver = () => {
    clearToolSession();
    runJob.reset();
    streamRun.clear();
    setDrafts(toDrafts(fields, tool.defaultOptions));
  };
  const addFiles = (files: File[]) => {
    const skipped = enqueueFiles(files, rules);
    if (skipped > 0) toast.warning(`${tool.title} takes at most ${tool.maxFiles} files`, { description: `${skipped} of the files you added were left out.` });
  };

  const sessionFiles = [
    ...items.flatMap((item) => (item.uploaded ? [{ id: item.uploaded.id, expiresAt: item.uploaded.expiresAt, jobId: null }] : [])),
    ...(job?.outputs ?? []).map((output) => ({ id: output.id, expiresAt: job?.expiresAt ?? null, jobId: job?.id ?? null })),
  ];
  const prepareDelete = async () => {
    const ids = sessionFiles.map((file) => file.id);
    if (job && active) await client.job.cancel.mutate({ id: job.id }).catch(() => undefined);
    clearToolSession();
    return ids;
  };

  return (
    <div className="grid gap-6">
      {isGuest ? <GuestExpiryBanner sessionFiles={sessionFiles} prepareDelete={prepareDelete} onDeleted={startOver} /> : null}
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Files</h2>
          </CardTitle>
          <CardDescription>
            {ordered ? "They are combined from top to bottom; use the arrows to change the order." : "Each file uploads as soon as you add it."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <DropZone tool={tool} maxFileBytes={maxFileBytes} disabled={active} onFiles={addFiles} />
          <FileQueue rules={rules} ordered={ordered} locked={active} offerUnlock={tool.id !== UNLOCK_TOOL_ID} />
        </CardContent>
      </Card>
      <RunForm
        fields={fields}
        drafts={drafts}
        onDraftsChange={setDrafts}
        canRun={readiness.ready && !active}
        hint={active ? "Running… you can cancel below." : runHint(readiness, tool, items.length)}
        locked={active}
        error={runJob.error?.message ?? null}
        onRun={run}
      />
      {streamRun.run ? <StreamPanel key={streamRun.run.id} run={streamRun.run} onCancel={streamRun.clear} /> : null}
      <JobPanel tool={tool} state={jobState} starting={runJob.isPending} canRetry={readiness.ready && !active} onRetry={run} onStartOver={startOver} />
      <JobAnnouncer job={job} starting={runJob.isPending} />
    </div>
  );
}
