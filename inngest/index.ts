import type { InngestFunction } from "inngest";

// Every durable function, served at /api/inngest and run by the embedded
// engine. One function per file in ./functions.
export const functions: InngestFunction.Any[] = [];
