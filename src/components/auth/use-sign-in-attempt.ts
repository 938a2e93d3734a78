"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * One sign-in in flight (password or one-time link): pending while it runs,
 * the failure to show, and on success the destination, with server components
 * refreshed so the header knows who is signed in.
 */
export function useSignInAttempt() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** `attempt` answers null when signed in, else the message to show. */
  async function run(attempt: () => Promise<string | null>, destination: string) {
    setPending(true);
    setError(null);
    try {
      const failure = await attempt();
      if (failure) {
        setError(failure);
        return;
      }
      router.push(destination);
      router.refresh();
    } catch {
      setError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return { error, pending, run };
}
