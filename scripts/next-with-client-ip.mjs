// `next start`, unchanged, with one addition: every HTTP request gets the
// x-fileforge-client-ip header set from its socket (overwriting a client's),
// before Next sees it. The launcher (scripts/run-app.ts) runs this instead of
// the `next` binary, and sets FILEFORGE_CLIENT_IP_HEADER=1 for it alone, which
// is what tells the app the header can be believed.
//
// Why not a custom server: `next start` also sets keep-alive, the upgrade
// handler, signal handling and start-up timing; this keeps all of it by
// running Next's own CLI in this process and only adding a first 'request'
// listener to the server it creates.
import http from "node:http";
import { createRequire } from "node:module";
import { stampEveryServer } from "./client-ip-header.mjs";

stampEveryServer(http);

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
process.argv = [process.execPath, nextBin, ...process.argv.slice(2)];
require(nextBin);
