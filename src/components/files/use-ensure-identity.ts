"use client";

import { useCallback } from "react";
import { useTRPCClient } from "@/trpc/react";

// Once per page load: the guest cookie, once set, lasts longer than any visit.
let identified: Promise<void> | null = null;

/**
 * Returns a function that resolves once the server knows who this visitor is.
 * A first-time guest gets its cookie from this one request (any actor
 * procedure issues it); without it, files uploaded in parallel would each
 * create their own guest and could not be used together in one job.
 */
export function useEnsureIdentity(): () => Promise<void> {
  const client = useTRPCClient();
  return useCallback(() => {
    identified ??= client.viewer.get.query().then(
      () => undefined,
      (error: unknown) => {
        identified = null;
        throw error;
      },
    );
    return identified;
  }, [client]);
}
