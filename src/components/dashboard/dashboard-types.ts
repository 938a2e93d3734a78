import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

/** What the Files tab asks `file.list` for. */
export type FileListParams = Exclude<Inputs["file"]["list"], void | undefined>;
export type FileKind = Exclude<FileListParams["type"], undefined>;
export type FileItem = Outputs["file"]["list"]["items"][number];

export type JobListParams = Exclude<Inputs["job"]["list"], void | undefined>;
export type JobItem = Outputs["job"]["list"]["items"][number];
export type JobStatusName = JobItem["status"];

export type ChatItem = Outputs["chat"]["list"][number];
export type UsageSummary = Outputs["usage"]["summary"];
export type ToolInfo = Outputs["tool"]["list"][number];

/** Rows per page of the Files table and per batch of the Jobs list. */
export const FILES_PAGE_SIZE = 20;
export const JOBS_PAGE_SIZE = 10;

/** The first page of the Files tab as it opens, so the server can prefetch exactly that query. */
export const INITIAL_FILE_PARAMS: FileListParams = { limit: FILES_PAGE_SIZE, sort: "createdAt", direction: "desc" };
export const INITIAL_JOB_PARAMS: JobListParams = { limit: JOBS_PAGE_SIZE };

/** Where a file's bytes and preview are served (owner-only routes). */
export const downloadHref = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}/download`;
export const thumbnailHref = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}/thumbnail`;
/** The chat page (a new chat without an id); kept here so the dashboard links to it in one place. */
export const chatHref = (chatId?: string) => (chatId ? `/chat/${encodeURIComponent(chatId)}` : "/chat");
