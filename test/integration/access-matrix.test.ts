import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { AppError } from "@/server/errors";
import { procedureEntries } from "~/test/support/access-matrix/procedure-entries";
import { discoverRoutes, routeEntries } from "~/test/support/access-matrix/route-entries";
import {
  actorAs, callerAs, createWorld, type Identity, IDENTITIES, type Outcome, snapshotWorld, type World,
} from "~/test/support/access-matrix/world";
import { setupTempStorage } from "~/test/support/temp-storage";

// Who may call what: every procedure of the app router and every route
// handler, called as an anonymous visitor, guest A, guest B (on A's work), a
// user, a premium user and an admin, each in a fresh world.

type ProcedureType = "query" | "mutation" | "subscription";
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>;

function outcomeOf(error: unknown): Outcome {
  if (error instanceof TRPCError) return error.code;
  if (error instanceof AppError) return error.trpcCode;
  throw error;
}

/** Calls `path` through the caller proxy; a subscription is read up to its first event. */
async function callProcedure(world: World, who: Identity, path: string, input: unknown): Promise<unknown> {
  let target: unknown = callerAs(world, who);
  for (const key of path.split(".")) target = (target as Record<string, unknown>)[key];
  const result = await (target as (input: unknown) => Promise<unknown>)(input);
  if (procedures[path]?._def.type !== "subscription") return result;
  for await (const event of result as AsyncIterable<unknown>) return event;
  return undefined;
}

describe("access matrix: procedures", () => {
  it("has an entry for every procedure of the app router, and none for a procedure that is gone", () => {
    const routerPaths = Object.keys(procedures).sort();
    const missing = routerPaths.filter((path) => !(path in procedureEntries));
    const stale = Object.keys(procedureEntries).filter((path) => !routerPaths.includes(path));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("reads the audit log through queries only: no procedure edits or deletes audit events", () => {
    const auditPaths = Object.keys(procedures).filter((path) => /audit|signins/i.test(path));
    expect(auditPaths.sort()).toEqual(["admin.auditEvents", "settings.recentSignIns"]);
    for (const path of auditPaths) expect(procedures[path]?._def.type).toBe("query");
  });

  describe.each(Object.keys(procedures).sort().filter((path) => path in procedureEntries))("%s", (path) => {
    const entry = procedureEntries[path];
    it.each(IDENTITIES.map((who) => [who, entry?.access[who]] as const))("as %s → %s", async (who, expected) => {
      const world = await createWorld();
      const before = await snapshotWorld(world);
      const input = await entry?.input?.(world, who);
      const outcome = await callProcedure(world, who, path, input).then(
        (result) => ({ code: "ok" as Outcome, result }),
        (error: unknown) => ({ code: outcomeOf(error), result: undefined }),
      );
      expect(outcome.code).toBe(expected);
      if (outcome.code !== "ok") expect(await snapshotWorld(world)).toEqual(before);
      if (outcome.code === "ok" && entry?.showsGuestA) expect(entry.showsGuestA(outcome.result, world)).toBe(who === "guestA");
    });
  });
});

describe("access matrix: route handlers", () => {
  const { storage } = setupTempStorage();

  it("has an entry (a check or a stated exemption) for every route handler, and none for a route that is gone", () => {
    const routes = discoverRoutes();
    expect(routes).toContain("GET /api/account/export");
    const missing = routes.filter((route) => !(route in routeEntries));
    const stale = Object.keys(routeEntries).filter((route) => !routes.includes(route));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  const checked = Object.entries(routeEntries).flatMap(([route, entry]) => ("call" in entry ? [[route, entry] as const] : []));
  describe.each(checked)("%s", (_route, entry) => {
    it.each(IDENTITIES.map((who) => [who, entry.access[who]] as const))("as %s → %s", async (who, expected) => {
      const world = await createWorld();
      const before = await snapshotWorld(world);
      const actor = await actorAs(world, who);
      // Async wrapper: a check that throws before its first await still counts as the outcome.
      const code = await (async () => entry.call({ world, actor, storage }))().then(() => "ok" as Outcome, outcomeOf);
      expect(code).toBe(expected);
      if (code !== "ok") expect(await snapshotWorld(world)).toEqual(before);
    });
  });
});
