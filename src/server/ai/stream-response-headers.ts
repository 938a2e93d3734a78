import "server-only";

/**
 * Headers for every streamed AI answer. `no-transform` keeps `next start`'s
 * gzip away from the stream: compressing an event stream holds each small
 * chunk back in the compressor, which measured 20–30 ms more before the first
 * word reached the browser (bench/ai-chat-http-bench.ts). Proxies that honour
 * the header (and nginx, with the SDK's X-Accel-Buffering: no) pass it on as it comes.
 */
export const STREAM_RESPONSE_HEADERS = { "cache-control": "no-cache, no-transform" } as const;
