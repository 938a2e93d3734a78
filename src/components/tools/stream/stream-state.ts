// What the result panel shows, from the document's preparation and the
// stream's progress; and the one sentence a screen reader hears for each.

export type StreamPhase = "idle" | "streaming" | "done" | "stopped" | "error";
export type PanelState = "preparing" | "preparation-failed" | "streaming" | "done" | "stopped" | "error";

/** `documentStatus` as document.status reports it ("not-started", "extracting", "ready", …). */
export function panelState(documentStatus: string | null, phase: StreamPhase): PanelState {
  if (documentStatus === "failed") return "preparation-failed";
  if (documentStatus !== "ready" || phase === "idle") return "preparing";
  return phase;
}

/**
 * For the polite live region: start, end and failure, once each. The text
 * depends on the state only, so streamed words and percent updates stay silent.
 */
export function announceState(state: PanelState, { noun, fileName }: { noun: string; fileName: string }): string {
  switch (state) {
    case "preparing":
      return `Preparing ${fileName}. This takes a moment for long or scanned documents.`;
    case "preparation-failed":
      return `${fileName} could not be prepared.`;
    case "streaming":
      return `Writing the ${noun}…`;
    case "done":
      return `Finished writing the ${noun}. Citations in it open the cited page.`;
    case "stopped":
      return `Stopped writing the ${noun}; the text so far is kept.`;
    case "error":
      return `Writing the ${noun} failed.`;
  }
}
