// Runs one piece of work on a schema engine and always cleans up: the engine,
// the pg pool to the main database and every throwaway shadow database.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SchemaFilter, SchemasContainer } from "@prisma/schema-engine-wasm";
import { createMigrationAdapterFactory } from "./create-migration-adapter-factory";
import { loadSchemaEngine, takeSchemaEnginePanic, type SchemaEngine } from "./load-schema-engine";
import { SCHEMA_PATH } from "./migration-files";

/** Nothing is managed outside Prisma (prisma.config.ts has no `tables.external`). */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface SchemaEngineOptions {
  /** Main database; omitted => a throwaway one (enough for diffs). */
  databaseUrl?: string;
  schemaPath?: string;
}

export interface SchemaEngineContext {
  engine: SchemaEngine;
  schema: SchemasContainer;
}

export async function readSchema(schemaPath = SCHEMA_PATH): Promise<SchemasContainer> {
  return { files: [{ path: path.basename(schemaPath), content: await readFile(schemaPath, "utf8") }] };
}

export async function withSchemaEngine<T>(options: SchemaEngineOptions, work: (context: SchemaEngineContext) => Promise<T>): Promise<T> {
  const schema = await readSchema(options.schemaPath);
  const adapterFactory = createMigrationAdapterFactory({ databaseUrl: options.databaseUrl });
  try {
    const engine = await loadSchemaEngine({
      datamodels: schema.files.map((file) => [file.path, file.content]),
      adapterFactory,
    });
    try {
      return await work({ engine, schema });
    } catch (error) {
      // Most panics surface as uncaught exceptions instead (see run-cli.ts).
      const panic = takeSchemaEnginePanic();
      throw panic ? new Error(`The schema engine crashed: ${panic}`, { cause: error }) : error;
    } finally {
      engine.free();
    }
  } finally {
    await adapterFactory.close();
  }
}
