// Where a job's time goes, from the rows the app wrote (Job, EngineRun,
// EngineStep) and the client's own marks. Same machine, same clock.
import pg from "pg";
import { percentile } from "./timing";

/** What the client saw of one round, in Date.now() milliseconds. */
export type ClientMarks = { uploadStart: number; uploadEnd: number; createStart: number; createEnd: number; seen: number; downloadEnd: number };

type Row = {
  id: string;
  created: number;
  started: number | null;
  finished: number | null;
  run_created: number | null;
  run_updated: number | null;
  steps: { at: number; data: { timings?: Record<string, number> } | null }[] | null;
};

const QUERY = `
  SELECT j.id,
    extract(epoch FROM j."createdAt") * 1000 AS created,
    extract(epoch FROM j."startedAt") * 1000 AS started,
    extract(epoch FROM j."finishedAt") * 1000 AS finished,
    extract(epoch FROM r."createdAt") * 1000 AS run_created,
    extract(epoch FROM r."updatedAt") * 1000 AS run_updated,
    (SELECT json_agg(json_build_object('at', extract(epoch FROM s."createdAt") * 1000, 'data', s.data) ORDER BY s."createdAt", s."stepId")
       FROM "EngineStep" s WHERE s."runId" = r.id) AS steps
  FROM "Job" j
  LEFT JOIN "EngineRun" r ON r."functionId" LIKE '%run-tool' AND r.event -> 'data' ->> 'jobId' = j.id
  WHERE j.id = ANY($1)`;

const summary = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), n: values.filter(Number.isFinite).length });

/**
 * p50/p95 per stage, in milliseconds. Stages in a job's order: upload,
 * job.create, queued → begin-job running, steps as the engine stored them
 * (with the tool step split by the timings it returns), and the rest.
 */
export async function jobStages(databaseUrl: string, marks: Map<string, ClientMarks>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<Row>(QUERY, [[...marks.keys()]]).finally(() => client.end());
  const stages = new Map<string, number[]>();
  const add = (name: string, ms: number | null | undefined) => {
    if (ms === null || ms === undefined || !Number.isFinite(ms)) return;
    if (!stages.has(name)) stages.set(name, []);
    stages.get(name)?.push(ms);
  };
  for (const row of rows) {
    const mark = marks.get(row.id);
    if (!mark) continue;
    const [begin, tool, complete] = (row.steps ?? []).map((step) => ({ ...step, at: Number(step.at) }));
    const timings = tool?.data?.timings ?? {};
    const started = row.started === null ? null : Number(row.started);
    add("1 upload (client)", mark.uploadEnd - mark.uploadStart);
    add("2 job.create request (client)", mark.createEnd - mark.createStart);
    add("3 job row → run claimed, begin-job running", started === null ? null : started - Number(row.created));
    add("4 begin-job step stored", begin && started !== null ? begin.at - started : null);
    add("5 run-tool step total", tool && begin ? tool.at - begin.at : null);
    for (const [name, ms] of Object.entries(timings)) add(`5.${name}`, ms);
    add("6 complete-job step stored", complete && tool ? complete.at - tool.at : null);
    add("7 run marked completed", complete && row.run_updated !== null ? Number(row.run_updated) - complete.at : null);
    add("8 job finished → seen by client poll", row.finished === null ? null : mark.seen - Number(row.finished));
    add("9 download (client)", mark.downloadEnd - mark.seen);
    add("job.create sent → job finished (server)", row.finished === null ? null : Number(row.finished) - Number(row.created));
  }
  return Object.fromEntries([...stages.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, values]) => [name, summary(values)]));
}
