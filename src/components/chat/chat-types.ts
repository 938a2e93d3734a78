import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type ChatDetail = Outputs["chat"]["get"];
export type ChatSummary = Outputs["chat"]["list"][number];
export type DocumentStatus = Outputs["document"]["status"];
export type AiInfo = Outputs["ai"]["info"];

/** A document taking part in the chat. */
export type ChatDocument = { id: string; name: string; mimeType: string };

/** The page a citation opened. */
export type PreviewTarget = { fileId: string; fileName: string; page: number };

/** What the AI features read; the server decides by the sniffed type, this only filters pickers. */
export const DOCUMENT_TYPES = ["application/pdf", "text/plain", "image/jpeg", "image/png", "image/webp", "image/tiff", "image/gif", "image/avif"];
