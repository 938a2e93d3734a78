import { announceState, type PanelState } from "./stream-state";

/** The polite live region of the result panel: start, end and failure, never each word. */
export function StreamAnnouncer({ state, noun, fileName }: { state: PanelState; noun: string; fileName: string }) {
  return (
    <p role="status" aria-live="polite" className="sr-only" data-testid="stream-announcer">
      {announceState(state, { noun, fileName })}
    </p>
  );
}
