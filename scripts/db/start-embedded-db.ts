// Serves PGlite (PostgreSQL in WASM) over the Postgres wire protocol, so every
// process (Next.js, build workers, scripts, tests) talks to it with `pg` /
// `@prisma/adapter-pg` exactly as to a real PostgreSQL, and only the process
// that called this ever opens the data directory.
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { createPglite } from "./create-pglite";
import {
  claimEmbeddedDbLock,
  publishEmbeddedDbServer,
  releaseEmbeddedDbLock,
  releaseEmbeddedDbLockSync,
} from "./embedded-db-lock";
import { serializeWireSessions } from "./serialize-wire-sessions";

export { findRunningEmbeddedDb, lockPathFor, EmbeddedDbInUseError, type RunningEmbeddedDb } from "./embedded-db-lock";

export interface StartEmbeddedDbOptions {
  /** Directory to persist to; omitted => in memory, gone on stop. */
  dataDir?: string;
  /** 0 => any free port. */
  port?: number;
  host?: string;
  /** The socket server accepts one client by default; a pg pool needs more. */
  maxConnections?: number;
}

export interface EmbeddedDb {
  url: string;
  host: string;
  port: number;
  stop(): Promise<void>;
}

export function embeddedDbUrl(host: string, port: number): string {
  const hostPart = host.includes(":") ? `[${host}]` : host;
  // PGlite has one database and ignores the name and user sent at startup.
  return `postgresql://postgres@${hostPart}:${port}/postgres`;
}

function parsePort(serverConn: string): number {
  const port = Number(serverConn.slice(serverConn.lastIndexOf(":") + 1));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Unexpected socket address ${serverConn}`);
  return port;
}

export async function startEmbeddedDb(options: StartEmbeddedDbOptions = {}): Promise<EmbeddedDb> {
  const { port = 0, host = "127.0.0.1", maxConnections = 100 } = options;
  const dataDir = options.dataDir === undefined ? undefined : path.resolve(options.dataDir);
  if (dataDir) await claimEmbeddedDbLock(dataDir);

  const releaseOnExit = () => dataDir && releaseEmbeddedDbLockSync(dataDir);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await createPglite(dataDir);
    server = new PGLiteSocketServer({ db: serializeWireSessions(db), port, host, maxConnections });
    await server.start();
    const actualPort = parsePort(server.getServerConn());
    const url = embeddedDbUrl(host, actualPort);
    if (dataDir) {
      await publishEmbeddedDbServer(dataDir, { host, port: actualPort, url });
      process.once("exit", releaseOnExit);
    }

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await server?.stop();
        // Let the socket handlers finish rolling back before PGlite closes.
        await new Promise((resolve) => setImmediate(resolve));
        await db?.close();
        if (dataDir) {
          process.removeListener("exit", releaseOnExit);
          await releaseEmbeddedDbLock(dataDir);
        }
      })();
      return stopping;
    };
    return { url, host, port: actualPort, stop };
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    if (dataDir) await releaseEmbeddedDbLock(dataDir);
    throw error;
  }
}
