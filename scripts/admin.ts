// npm run admin -- create <email> [--password <password>] [--name <name>]
// npm run admin -- link <email>        a new single-use sign-in link
// npm run admin -- promote <email>     make an existing account an admin
// npm run admin -- demote <email>      back to USER; ADMIN_EMAILS will not undo it
// Works on DATABASE_URL, or on the embedded PGlite under DATA_DIR (through
// the running app's server when it is up). Links use --url, else AUTH_URL,
// else http://localhost:$PORT.
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "./db/apply-migrations";
import { openTargetDatabase } from "./db/open-target-database";
import { runCli } from "./db/run-cli";

const USAGE = "usage: npm run admin -- create|link|promote|demote <email> [--password <password>] [--name <name>] [--url <origin>]";

await runCli(process.env.NODE_ENV === "development" ? "development" : "production", async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { password: { type: "string" }, name: { type: "string" }, url: { type: "string" } },
  });
  const [command, email] = positionals;
  if (!command || !email || !["create", "link", "promote", "demote"].includes(command)) throw new Error(USAGE);

  const embedded = !process.env.DATABASE_URL;
  const target = await openTargetDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: path.resolve(process.env.DATA_DIR || ".data", "pglite"),
  });
  try {
    // A fresh embedded database gets its tables, as `npm start` would give them.
    if (embedded) await applyMigrations(target.url);
    // The app's modules read DATABASE_URL once, when first imported.
    process.env.DATABASE_URL = target.url;
    if (embedded) process.env.FILEFORGE_EMBEDDED_DB = "1";
    const { runAdminCommand } = await import("./admin/run-admin-command");
    const baseUrl = values.url ?? process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    console.log(await runAdminCommand({ command: command as "create", email, password: values.password, name: values.name, baseUrl }));
    console.log(`(${target.description})`);
  } finally {
    await target.close();
  }
});
