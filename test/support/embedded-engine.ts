
// Helpers for the embedded engine's tests: real Inngest clients wired exactly
// like the app's (placeholder event key + embedded fetch), and engines with
// short timings. Not used by the app.
import { createId } from "@paralleldrive/cuid2";
import { Inngest, type InngestFunction } from "inngest";
import { afterEach } from "vitest";
import { db } from "@/server/db";
import { embeddedClientOptions } from "../../src/server/durable/embedded/embedded-fetch";
import { EmbeddedEngine, type EmbeddedEngineOptions } from "../../src/server/durable/embedded/engine";
import { findRun } from "../../src/server/durable/embedded/run-store";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** A client with a unique app id (tests share one database) that sends to `engine()`. */
export function testClient(engine: () => EmbeddedEngine | undefined) {
  return new Inngest({ id: `test-${createId()}`, logger: quiet, ...embeddedClientOptions({ engine }) });
}

const engines: EmbeddedEngine[] = [];

/** An engine with test timings; stopped after each test. */
export function testEngine(functions: InngestFunction.Any[], options: Partial<EmbeddedEngineOptions> = {}) {
  const engine = new EmbeddedEngine({
    db,
    functions,
    pollIntervalMs: 50,
    leaseMs: 2_000,
    backoff: () => 50,
    cron: false,
    ...options,
  });
  engines.push(engine);
  return engine;
}

afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
});

/** A test client plus a holder for the engine its sends go to. */
export function testSetup() {
  const holder: { engine?: EmbeddedEngine } = {};
  const client = testClient(() => holder.engine);
  return {
    client,
    async start(functions: InngestFunction.Any[], options: Partial<EmbeddedEngineOptions> = {}) {
      holder.engine = testEngine(functions, options);
      await holder.engine.start();
      return holder.engine;
    },
  };
}

export async function runsOf(functionId: string) {
  return db.engineRun.findMany({ where: { functionId }, include: { steps: true }, orderBy: { createdAt: "asc" } });
}

export async function onlyRun(functionId: string) {
  const runs = await runsOf(functionId);
  if (runs.length !== 1 || !runs[0]) throw new Error(`expected one run of ${functionId}, found ${runs.length}`);
  return (await findRun(db, runs[0].id)) ?? runs[0];
}

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
