import "server-only";

// More calls in one tRPC request than any page makes (the client link batches
// at most this many too, src/trpc/react.tsx): a bigger batch is a script
// multiplying one request's work past the per-request limits, and gets 400.
export const MAX_BATCH_SIZE = 20;
