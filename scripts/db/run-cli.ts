// Shared frame of the db:* commands: .env loading, readable errors, exit code.
import nextEnv from "@next/env";
import { takeSchemaEnginePanic } from "./load-schema-engine";

/** The engine appends its Rust span trace ("   0: schema_engine_wasm::…"); users need the first part. */
export function readableError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const trace = message.search(/\n\s+\d+: [a-z_]+::/);
  const cause = error instanceof Error && error.cause instanceof Error ? `\n  cause: ${error.cause.message.split("\n")[0]}` : "";
  return (trace === -1 ? message : message.slice(0, trace)).trim() + cause;
}

/**
 * @param mode which .env.<mode> files apply, as for `next dev` / `next start`:
 * the same files scripts/run-app.ts loads, so DATABASE_URL and DATA_DIR mean
 * the same database for the app and for these commands.
 */
export async function runCli(mode: "development" | "production", main: () => Promise<void>): Promise<void> {
  nextEnv.loadEnvConfig(process.cwd(), mode === "development", { info: () => {}, error: console.error });
  // A Rust panic in the engine throws "RuntimeError: unreachable" from a
  // callback, outside any promise we await; its reason is in the registry.
  process.once("uncaughtException", (error) => {
    const panic = takeSchemaEnginePanic();
    console.error(`\nerror: ${panic ? `the schema engine crashed: ${panic}` : readableError(error)}`);
    process.exit(1);
  });
  try {
    await main();
  } catch (error) {
    console.error(`\nerror: ${readableError(error)}`);
    process.exitCode = 1;
  }
}
