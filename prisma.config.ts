// Prisma CLI config. Only `prisma generate` (and, where the network allows,
// `prisma migrate deploy`) use it; the app and our WASM migration scripts build
// their own connections from src/env.js / scripts/db.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/fileforge" },
});
