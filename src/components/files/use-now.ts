import { useCallback, useSyncExternalStore } from "react";

/**
 * The current time, advancing every `stepMs`, or null during server rendering
 * and hydration (so a countdown never mismatches the server's HTML).
 */
export function useNow(stepMs: number): number | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const timer = setInterval(onChange, stepMs);
      return () => clearInterval(timer);
    },
    [stepMs],
  );
  // Quantized, so repeated reads between ticks return the same value; rounded up,
  // so a countdown never claims more time than is left.
  const read = useCallback(() => Math.ceil(Date.now() / stepMs) * stepMs, [stepMs]);
  return useSyncExternalStore(subscribe, read, () => null);
}
