// Makes PGLiteSocketServer safe for several clients at once.
//
// PGlite is ONE PostgreSQL session; pglite-socket multiplexes all connections
// onto it and schedules message by message. It keeps an explicit transaction
// (BEGIN … COMMIT) on one connection, but not an extended-protocol cycle: pg
// sends every parameterized query as Parse/Bind/Describe/Execute/Sync, and
// another connection's Sync or Query in between destroys the unnamed portal
// ("portal \"\" does not exist") or runs the wrong statement. Prisma's
// adapter-pg uses parameterized queries only, so this broke under load.
//
// The socket server lets the connection that ran the last message go on alone
// while `isInTransaction()` is true. We widen that to "until PostgreSQL is
// ready for a new query": a cycle ends when the backend's reply ends with
// ReadyForQuery ('Z'), which is exactly how the protocol defines it (and also
// covers COPY and errors, where the backend skips messages until Sync).
import type { PGlite } from "@electric-sql/pglite";

type StreamOptions = NonNullable<Parameters<PGlite["execProtocolRawStream"]>[1]>;

const READY_FOR_QUERY = 0x5a; // 'Z', length 5, one status byte
const TERMINATE = 0x58; // 'X', the client is leaving; nothing follows
const SYNC_MESSAGE = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

/** True when the bytes end with a complete ReadyForQuery message. */
function endsWithReadyForQuery(tail: Uint8Array): boolean {
  if (tail.length < 6) return false;
  const at = tail.length - 6;
  const status = String.fromCharCode(tail[at + 5] ?? 0);
  return (
    tail[at] === READY_FOR_QUERY &&
    tail[at + 1] === 0 &&
    tail[at + 2] === 0 &&
    tail[at + 3] === 0 &&
    tail[at + 4] === 5 &&
    (status === "I" || status === "T" || status === "E")
  );
}

/** Keeps the last few bytes of a reply that may arrive in chunks. */
function appendTail(tail: Uint8Array, chunk: Uint8Array, keep = 6): Uint8Array {
  const joined = new Uint8Array(tail.length + chunk.length);
  joined.set(tail);
  joined.set(chunk, tail.length);
  return joined.slice(Math.max(0, joined.length - keep));
}

/**
 * Returns a view of `db` for `new PGLiteSocketServer({ db })` that keeps each
 * connection's protocol cycle together. Everything else passes through.
 */
export function serializeWireSessions(db: PGlite): PGlite {
  let midCycle = false;

  const overrides = {
    isInTransaction: (): boolean => midCycle || db.isInTransaction(),

    execProtocolRawStream: async (message: Uint8Array, options?: StreamOptions): Promise<void> => {
      let tail: Uint8Array = new Uint8Array(0);
      await db.execProtocolRawStream(message, {
        ...options,
        onRawData: (chunk: Uint8Array) => {
          tail = appendTail(tail, chunk);
          options?.onRawData(chunk);
        },
      });
      midCycle = message[0] !== TERMINATE && !endsWithReadyForQuery(tail);
    },

    // The socket server calls exec("ROLLBACK") when a connection that owns
    // the session disconnects. If it left mid-cycle, end the cycle first so
    // the backend stops skipping messages and accepts the next client.
    // After stop() the database may already be closed: nothing to roll back.
    exec: async (...args: Parameters<PGlite["exec"]>): ReturnType<PGlite["exec"]> => {
      if (db.closed) return [];
      if (midCycle) {
        await db.execProtocolRaw(SYNC_MESSAGE);
        midCycle = false;
      }
      return db.exec(...args);
    },
  };

  return new Proxy(db, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof typeof overrides];
      // PGlite uses private fields, so methods must run with the real `this`.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
