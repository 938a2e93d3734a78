import { describe, expect, it } from "vitest";
import { retryAt, sleepEndsAt } from "./backoff";
import { parseCron } from "./cron-scheduler";
import { createEmbeddedFetch, EMBEDDED_EVENT_KEY } from "./embedded-fetch";
import { compileCondition } from "./expression";

describe("embedded engine helpers", () => {
  it("evaluates the supported subset of Inngest expressions and refuses the rest", () => {
    const sameJob = compileCondition("async.data.jobId == event.data.jobId && event.data.kind != 'preview'");
    expect(sameJob({ event: { data: { jobId: "j1", kind: "full" } }, async: { data: { jobId: "j1" } } })).toBe(true);
    expect(sameJob({ event: { data: { jobId: "j1", kind: "preview" } }, async: { data: { jobId: "j1" } } })).toBe(false);
    expect(sameJob({ event: { data: {} }, async: { data: {} } })).toBe(false); // missing fields never match
    expect(compileCondition("event.data.n == 3")({ event: { data: { n: 3 } } })).toBe(true);
    expect(() => compileCondition("size(event.data.files) > 2")).toThrow(/supports only "a == b"/);
  });

  it("reads retry times from RetryAfterError seconds or dates, else the backoff", () => {
    const now = new Date("2030-01-01T00:00:00.000Z");
    expect(retryAt("5", 1, () => 1, now).toISOString()).toBe("2030-01-01T00:00:05.000Z");
    expect(retryAt("2030-01-01T01:00:00.000Z", 1, () => 1, now).toISOString()).toBe("2030-01-01T01:00:00.000Z");
    expect(retryAt(true, 3, (retry) => retry * 1000, now).toISOString()).toBe("2030-01-01T00:00:03.000Z");
  });

  it("computes when Inngest sleep ops end", () => {
    const now = new Date("2030-01-01T00:00:00.000Z");
    expect(sleepEndsAt("1h30m", now).toISOString()).toBe("2030-01-01T01:30:00.000Z");
    expect(sleepEndsAt("2030-02-01T00:00:00.000Z", now).toISOString()).toBe("2030-02-01T00:00:00.000Z");
    expect(() => sleepEndsAt("soon", now)).toThrow(/sleep duration/);
  });

  it("parses Inngest cron expressions with an optional time zone", () => {
    expect(parseCron("0 * * * *")).toEqual({ pattern: "0 * * * *", timezone: undefined });
    expect(parseCron("TZ=Europe/Paris 0 9 * * 1-5")).toEqual({ pattern: "0 9 * * 1-5", timezone: "Europe/Paris" });
  });

  it("answers only the event API and says how to get an Inngest server for anything else", async () => {
    const sent: unknown[][] = [];
    const fetch = createEmbeddedFetch({ engine: () => ({ running: true, send: async (events) => (sent.push(events), ["id-1"]) }) });
    const response = await fetch(`https://inn.gs/e/${EMBEDDED_EVENT_KEY}`, { method: "POST", body: JSON.stringify([{ name: "a", data: {} }]) });
    expect(await response.json()).toEqual({ ids: ["id-1"], status: 200 });
    expect(sent).toEqual([[{ name: "a", data: {} }]]);
    await expect(fetch("https://api.inngest.com/v1/realtime/token", { method: "POST" })).rejects.toThrow(/INNGEST_EVENT_KEY.*INNGEST_DEV=1/);
  });
});
