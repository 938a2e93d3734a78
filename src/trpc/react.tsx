"use client";

import "@/shared/zod-without-eval";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpSubscriptionLink,
  loggerLink,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  // A new client per server render; one for the browser's lifetime.
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

function getUrl() {
  const base = typeof window === "undefined" ? "http://localhost" : window.location.origin;
  return `${base}/api/trpc`;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        loggerLink({
          // NODE_ENV is inlined by Next at build time in client code; not a runtime read.
          // eslint-disable-next-line no-restricted-properties
          enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error,
        }),
        splitLink({
          // Subscriptions (live job progress) over SSE; everything else batched and streamed.
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: getUrl(), transformer: superjson }),
          // Same cap as the server's maxBatchSize (src/app/api/trpc/[trpc]/route.ts).
          false: httpBatchStreamLink({ url: getUrl(), transformer: superjson, maxItems: 20 }),
        }),
      ],
    }),
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
