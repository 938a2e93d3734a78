import type { ChatStatus } from "ai";

const MESSAGES: Record<ChatStatus, string> = {
  submitted: "Question sent. Looking through your documents.",
  streaming: "Answering…",
  ready: "",
  error: "",
};

/**
 * Says when an answer starts and when it is complete, once each: the text
 * depends on the status only, so streamed words stay silent. Errors have
 * their own alert.
 */
export function ChatAnnouncer({ status, answered }: { status: ChatStatus; answered: boolean }) {
  const message = status === "ready" && answered ? "Answer complete. Citations in it open the cited page." : MESSAGES[status];
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {message}
    </p>
  );
}
