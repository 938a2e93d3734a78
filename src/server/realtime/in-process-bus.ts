import "server-only";
import { EventEmitter } from "node:events";
import type { BusHandler, BusMessage, EventBus } from "./event-bus";

/** The embedded default: one process, one emitter. */
export function createInProcessBus(): EventBus {
  const emitter = new EventEmitter();
  // Every open progress subscription is a listener; there may be many.
  emitter.setMaxListeners(0);
  return {
    async publish(message: BusMessage) {
      emitter.emit("message", message);
    },
    subscribe(handler: BusHandler) {
      emitter.on("message", handler);
      return () => emitter.off("message", handler);
    },
    async ready() {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}
