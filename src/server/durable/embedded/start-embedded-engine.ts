import "server-only";
import type { Inngest } from "inngest";
import { EmbeddedEngine, type EmbeddedEngineOptions } from "./engine";
import { getEmbeddedEngine, setEmbeddedEngine } from "./engine-registry";
import { EMBEDDED_EVENT_KEY } from "./embedded-fetch";

export { getEmbeddedEngine } from "./engine-registry";

/**
 * Starts this process's engine and makes it the one `inngest.send` delivers
 * to. Idempotent: a second call (a dev-server reload running register()
 * again) returns the engine already running.
 */
export async function startEmbeddedEngine(
  options: EmbeddedEngineOptions & { client?: Inngest.Any },
): Promise<EmbeddedEngine> {
  const running = getEmbeddedEngine();
  if (running?.running) return running;
  const { client, ...engineOptions } = options;
  if (client && client.eventKey !== EMBEDDED_EVENT_KEY) {
    throw new Error(`The Inngest client "${client.id}" does not send to the embedded engine; create it with embeddedClientOptions().`);
  }
  const engine = new EmbeddedEngine(engineOptions);
  setEmbeddedEngine(engine);
  try {
    await engine.start();
  } catch (error) {
    setEmbeddedEngine(undefined);
    await engine.stop();
    throw error;
  }
  return engine;
}

/**
 * Stops this process's engine (graceful: executing runs are handed back after
 * their current step, or after `graceMs` at the latest; see EmbeddedEngine.stop).
 */
export async function stopEmbeddedEngine(options: { graceMs?: number } = {}): Promise<{ handedBack: number }> {
  const engine = getEmbeddedEngine();
  setEmbeddedEngine(undefined);
  return (await engine?.stop(options)) ?? { handedBack: 0 };
}
