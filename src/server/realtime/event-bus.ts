import "server-only";

/**
 * Fan-out of small notifications ("job X changed") to subscribers in this
 * process and, on PostgreSQL, in every other app instance. Payloads are ids
 * only: subscribers re-read the row, so a missed or duplicated message can
 * never show a wrong state.
 */
export type BusMessage = { topic: "job"; id: string };
export type BusHandler = (message: BusMessage) => void;

export interface EventBus {
  publish(message: BusMessage): Promise<void>;
  subscribe(handler: BusHandler): () => void;
  /** Resolves once messages from other instances can arrive. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
