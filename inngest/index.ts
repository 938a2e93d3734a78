import { cleanupExpiredFunction } from "./functions/cleanup-expired";
import { ingestDocumentFunction } from "./functions/ingest-document";
import { runToolFunction } from "./functions/run-tool";

// Every durable function, served at /api/inngest and run by the embedded
// engine. One function per file in ./functions.
export const functions = [runToolFunction, cleanupExpiredFunction, ingestDocumentFunction];
