import { createId } from "@paralleldrive/cuid2";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { createCaller } from "@/server/api/root";
import { createInnerTRPCContext } from "@/server/api/trpc";
import { type Actor, loadUserActor } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { db } from "@/server/db";
import { createStorageKey } from "@/server/storage/create-storage-key";
import { createTestUser } from "~/test/support/callers";

export const IDENTITIES = ["anonymous", "guestA", "guestB", "user", "premium", "admin"] as const;
export type Identity = (typeof IDENTITIES)[number];
export type Outcome = "ok" | TRPC_ERROR_CODE_KEY;
export type Access = Record<Identity, Outcome>;

export const everyone: Access = { anonymous: "ok", guestA: "ok", guestB: "ok", user: "ok", premium: "ok", admin: "ok" };
/** Guest A's resources: everyone else gets the same NOT_FOUND as for an id that never existed. */
export const guestAOnly: Access = { anonymous: "NOT_FOUND", guestA: "ok", guestB: "NOT_FOUND", user: "NOT_FOUND", premium: "NOT_FOUND", admin: "NOT_FOUND" };
export const signedIn: Access = { anonymous: "UNAUTHORIZED", guestA: "UNAUTHORIZED", guestB: "UNAUTHORIZED", user: "ok", premium: "ok", admin: "ok" };
export const adminOnly: Access = { anonymous: "UNAUTHORIZED", guestA: "UNAUTHORIZED", guestB: "UNAUTHORIZED", user: "FORBIDDEN", premium: "FORBIDDEN", admin: "ok" };

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

/**
 * A fresh cast per call: two guests (A owns a prepared PDF, a finished job
 * that used it and a chat about it), a user, a premium user and an admin. The users each link two
 * OAuth providers, so unlinking one is allowed. Fresh per cell, so a call
 * that deletes or disables something cannot change another cell's outcome.
 */
export async function createWorld() {
  const tag = createId();
  const guestA = createGuestId();
  const guestB = createGuestId();
  const [user, premium, admin] = await Promise.all([
    createTestUser(),
    createTestUser({ role: "PREMIUM" }),
    createTestUser({ role: "ADMIN" }),
  ]);
  for (const account of [user, premium, admin]) {
    await db.account.createMany({
      data: ["github", "google"].map((provider) => ({ userId: account.id, type: "oauth", provider, providerAccountId: `${provider}-${account.id}` })),
    });
  }
  const file = await db.file.create({
    data: {
      guestId: guestA, storageKey: createStorageKey(), name: "a.pdf", size: 100, mimeType: "application/pdf", sha256: "x",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const job = await db.job.create({
    data: { guestId: guestA, tool: "pdf.compress", options: {}, status: "SUCCEEDED", progress: 100, inputs: { create: [{ position: 0, fileId: file.id }] } },
  });
  // Already prepared, so asking for it again starts no ingestion run.
  await db.document.create({
    data: { fileId: file.id, status: "ready", progress: 100, pageCount: 1, chunks: { create: [{ position: 0, pageStart: 1, pageEnd: 1, text: "Guest A's notes.", embedding: [] }] } },
  });
  const chat = await db.chat.create({
    data: {
      id: `chat_${tag}`, guestId: guestA, title: "A's chat", expiresAt: file.expiresAt,
      files: { create: [{ fileId: file.id }] },
      messages: { create: [{ id: `m_${tag}`, role: "user", parts: [{ type: "text", text: "Hello?" }] }] },
    },
  });
  return { tag, guestA, guestB, users: { user, premium, admin }, a: { fileId: file.id, jobId: job.id, chatId: chat.id } };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

export function userOf(world: World, who: Identity): TestUser | null {
  return who === "user" || who === "premium" || who === "admin" ? world.users[who] : null;
}

/** A tRPC caller for an identity, from its own IP so rate limits never couple cells. */
export function callerAs(world: World, who: Identity) {
  const headers = new Headers({ "x-forwarded-for": `matrix-${world.tag}-${who}` });
  const guestId = who === "guestA" ? world.guestA : who === "guestB" ? world.guestB : null;
  return createCaller(createInnerTRPCContext({ db, headers, sessionUserId: userOf(world, who)?.id ?? null, guestId }));
}

/** The actor a route handler resolves for an identity: null for an anonymous visitor. */
export async function actorAs(world: World, who: Identity): Promise<Actor | null> {
  if (who === "guestA" || who === "guestB") return { kind: "guest", guestId: who === "guestA" ? world.guestA : world.guestB, role: "GUEST" };
  const user = userOf(world, who);
  return user ? loadUserActor(db, user.id) : null;
}

/** What a refused call must leave as it was: A's work and every account. */
export async function snapshotWorld(world: World) {
  const file = await db.file.findUnique({ where: { id: world.a.fileId }, select: { guestId: true } });
  const job = await db.job.findUnique({ where: { id: world.a.jobId }, select: { status: true, guestId: true } });
  const chat = await db.chat.findUnique({ where: { id: world.a.chatId }, select: { guestId: true, _count: { select: { messages: true } } } });
  const users = await db.user.findMany({
    where: { id: { in: Object.values(world.users).map((user) => user.id) } },
    select: { role: true, disabledAt: true, name: true, email: true, _count: { select: { accounts: true } } },
    orderBy: { role: "asc" },
  });
  // A refused call leaves no trace in the audit log either (nothing happened to record).
  const auditEvents = await db.auditEvent.count({ where: { subjectUserId: { in: Object.values(world.users).map((user) => user.id) } } });
  return {
    auditEvents,
    file: file?.guestId === world.guestA,
    job: job?.guestId === world.guestA && job.status === "SUCCEEDED",
    chat: chat?.guestId === world.guestA ? chat._count.messages : null,
    users: users.map((user) => `${user.role}:${user.disabledAt ? "disabled" : "active"}:${user.name}:${user._count.accounts}`),
  };
}
