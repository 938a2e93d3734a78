// Time to first token of a document chat over HTTP: POST /api/chat on the
// built app (`next start`, embedded database) vs the same local
// OpenAI-compatible server called directly, p50/p95 over 100 requests each,
// alternating. The route's share is everything FileForge adds: the HTTP
// layer, the guest cookie, rate limit, ownership, quota, retrieval over a
// 200-page document, prompt building, persisting the question.
// Run: npm run build && npx tsx --conditions=react-server bench/ai-chat-http-bench.ts
// With BENCH_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres)
// the app runs on a fresh database on that server instead of embedded PGlite.
import { availableParallelism, loadavg } from "node:os";
import { makePdf } from "../test/support/pdf/make-pdf";
import { createTestDatabase } from "../scripts/db/create-test-database";
import { startOpenAiCompatibleServer } from "../test/support/openai-compatible-server";
import { GuestClient } from "./support/guest-client";
import { startBuiltApp } from "./support/start-built-app";
import { percentile } from "./support/timing";
import { writeBenchResults } from "./support/write-results";

const REQUESTS = 100;
// The chat allows 20 requests a minute per visitor and per IP: five guests,
// each on its own address, keep the run inside the limits it measures.
const GUESTS = 5;
const QUESTION = "When was the plant commissioned?";

const server = await startOpenAiCompatibleServer({ defaultText: "The plant was commissioned in 1987, as page 7 says [report.pdf p. 7]." });
const postgresUrl = process.env.BENCH_POSTGRES_URL;
const database = postgresUrl ? await createTestDatabase({ serverUrl: postgresUrl }) : null;
const app = await startBuiltApp({ OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: "bench", OPENAI_MODEL: "bench-model", ...(database ? { DATABASE_URL: database.url } : {}) });

/** Milliseconds until the first byte of answer text, or NaN when none came. */
async function firstTextAfter(started: number, response: Response, marker: string): Promise<number> {
  if (!response.ok || !response.body) throw new Error(`answered ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let seen = "";
  for await (const chunk of response.body) {
    seen += decoder.decode(chunk as Uint8Array, { stream: true });
    if (seen.includes(marker)) {
      const ms = performance.now() - started;
      await response.body.cancel().catch(() => undefined);
      return ms;
    }
  }
  return Number.NaN;
}

async function directTtft(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer bench" },
    body: JSON.stringify({ model: "bench-model", stream: true, messages: [{ role: "user", content: QUESTION }] }),
  });
  // The first chunk with answer text (the one before it only names the role).
  return firstTextAfter(started, response, '"content":"T');
}

async function routeTtft(guest: { client: GuestClient; fileId: string; ip: string }, index: number): Promise<number> {
  const started = performance.now();
  const body = { id: `bench_${index}_${Date.now()}`, messages: [{ id: `q_${index}`, role: "user", parts: [{ type: "text", text: QUESTION }] }], fileIds: [guest.fileId] };
  const response = await guest.client.post("/api/chat", body, { "x-forwarded-for": guest.ip });
  return firstTextAfter(started, response, '"text-delta"');
}


try {
  const pdf = makePdf("Report", 200, { linesPerPage: 30 });
  const guests = [];
  // One more guest for the warm-up request, which would be the 21st of a measured one's minute.
  for (let index = 0; index <= GUESTS; index += 1) {
    const client = new GuestClient(app.baseURL);
    const fileId = await client.upload("report.pdf", pdf, "application/pdf");
    await client.prepareDocument(fileId, 120_000);
    guests.push({ client, fileId, ip: `198.51.100.${index + 10}` });
  }
  // One warm-up each (route compilation, connection pools), outside the measured 100.
  await directTtft();
  const warm = guests.pop();
  if (!warm) throw new Error("no guests");
  await routeTtft(warm, -1);

  const direct: number[] = [];
  const route: number[] = [];
  for (let index = 0; index < REQUESTS; index += 1) {
    const guest = guests[index % GUESTS];
    if (!guest) continue;
    direct.push(await directTtft());
    route.push(await routeTtft(guest, index));
  }
  const results = {
    benchmark: "time to first token: POST /api/chat on `next start` vs the local OpenAI-compatible server directly",
    startedAt: new Date().toISOString(),
    machine: { cpus: availableParallelism(), loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
    document: "200-page text PDF, 30 lines a page, full-text retrieval (no embedding model)",
    database: database ? "PostgreSQL 15 on this machine" : "embedded PGlite (served by the launcher process)",
    requests: { each: REQUESTS, alternating: true, failed: { direct: direct.filter((ms) => !Number.isFinite(ms)).length, route: route.filter((ms) => !Number.isFinite(ms)).length } },
    timeToFirstTokenMs: {
      direct: { p50: percentile(direct, 50), p95: percentile(direct, 95) },
      route: { p50: percentile(route, 50), p95: percentile(route, 95) },
      addedAtP50: Math.round((percentile(route, 50) - percentile(direct, 50)) * 10) / 10,
      addedAtP95: Math.round((percentile(route, 95) - percentile(direct, 95)) * 10) / 10,
      target: "≤ 20 ms added at p50",
    },
  };
  await writeBenchResults(`ai-chat-http${database ? "-postgres" : ""}`, results);
} finally {
  await app.stop();
  await server.close();
  await database?.drop();
}
process.exit(0);
