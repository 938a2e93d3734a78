// The database the migration commands work on: DATABASE_URL when given, else
// the embedded PGlite directory, through the server of the process that
// already has it open (npm run dev / start), or through one started for the
// duration of the command.
import path from "node:path";
import { EmbeddedDbInUseError, findRunningEmbeddedDb, startEmbeddedDb } from "./start-embedded-db";

export interface TargetDatabase {
  url: string;
  /** For messages; never contains a password. */
  description: string;
  close(): Promise<void>;
}

export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

export interface OpenTargetDatabaseOptions {
  databaseUrl?: string;
  /** The embedded PGlite directory, used when databaseUrl is empty. */
  dataDir: string;
}

export async function openTargetDatabase({ databaseUrl, dataDir }: OpenTargetDatabaseOptions): Promise<TargetDatabase> {
  if (databaseUrl) return { url: databaseUrl, description: redactUrl(databaseUrl), close: async () => {} };

  const shown = path.relative(process.cwd(), dataDir) || dataDir;
  for (let attempt = 0; ; attempt++) {
    const running = await findRunningEmbeddedDb(dataDir);
    if (running) {
      const description = `embedded PGlite ${shown} (served by process ${running.pid} on port ${running.port})`;
      return { url: running.url, description, close: async () => {} };
    }
    try {
      const db = await startEmbeddedDb({ dataDir });
      return { url: db.url, description: `embedded PGlite ${shown} (opened for this command)`, close: db.stop };
    } catch (error) {
      // Another process opened it between our look and our start: use it.
      if (!(error instanceof EmbeddedDbInUseError) || attempt > 0) throw error;
    }
  }
}
