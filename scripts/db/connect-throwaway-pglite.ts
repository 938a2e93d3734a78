// A throwaway in-memory PGlite, in this process, as a driver adapter for the
// schema engine: the shadow database (and the main one when a command needs
// no real database). No server, no port, nothing left behind.
//
// pglite-prisma-adapter rather than @prisma/adapter-pg over a socket: the
// engine reads catalog columns of PostgreSQL's internal type "char" (e.g.
// pg_constraint.contype) when it describes a database, and adapter-pg 7.10
// has no column type for them ("Column type 'char' could not be deserialized
// from the database"); pglite-prisma-adapter maps them to Character.
import { messages } from "@electric-sql/pglite";
import { DriverAdapterError, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPglite } from "./create-pglite";

export async function connectThrowawayPglite(): Promise<SqlDriverAdapter> {
  const db = await createPglite();
  const adapter = await new PrismaPGlite(db).connect();
  // pglite-prisma-adapter 0.7.2 does not await exec() in executeScript (a
  // failing migration becomes an unhandled rejection instead of an error the
  // engine reports) and does not close the database on dispose.
  adapter.executeScript = async (script) => {
    try {
      await db.exec(script);
    } catch (error) {
      // As a DriverAdapterError the engine shows PostgreSQL's message, not
      // "External error id#0".
      if (!(error instanceof messages.DatabaseError)) throw error;
      throw new DriverAdapterError({
        kind: "postgres",
        code: error.code ?? "",
        severity: error.severity ?? "ERROR",
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
    }
  };
  adapter.dispose = () => db.close();
  return adapter;
}
