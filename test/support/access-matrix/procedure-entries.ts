import { getQuota } from "@/server/quotas/get-quota";
import { db } from "@/server/db";
import { adminOnly, type Access, everyone, guestAOnly, type Identity, signedIn, userOf, type World } from "./world";

export type ProcedureEntry = {
  access: Access;
  input?: (world: World, who: Identity) => unknown;
  /** For lists and summaries: whether the result exposes guest A's work. Must be true for guest A only. */
  showsGuestA?: (result: unknown, world: World) => boolean;
};

const idsIn = (result: unknown, key?: "items" | "jobs") => {
  const list = key ? (result as Record<string, unknown> | null)?.[key] : result;
  return Array.isArray(list) ? list.map((item) => (item as { id?: unknown }).id) : [];
};
const listsFile = (result: unknown, world: World) => idsIn(result, "items").includes(world.a.fileId);
const listsJob = (result: unknown, world: World) =>
  [...idsIn(result, "items"), ...idsIn(result, "jobs")].includes(world.a.jobId);

/**
 * Every procedure of the app router and who may call it. The matrix test
 * fails when the router has a procedure missing here (or this lists one that
 * is gone), so each new procedure gets a deliberate access decision.
 */
export const procedureEntries: Record<string, ProcedureEntry> = {
  "account.signUp": { access: everyone, input: (world, who) => ({ name: "New", email: `signup-${who}-${world.tag}@example.test`, password: "long enough" }) },

  "admin.listUsers": { access: adminOnly, input: () => ({}) },
  "admin.setUserRole": { access: adminOnly, input: (world) => ({ userId: world.users.user.id, role: "PREMIUM" }) },
  "admin.setUserDisabled": { access: adminOnly, input: (world) => ({ userId: world.users.user.id, disabled: true }) },
  "admin.auditEvents": { access: adminOnly, input: () => ({ limit: 10 }) },
  "admin.systemHealth": { access: adminOnly },
  "admin.queueDepth": { access: adminOnly },
  "admin.jobsByHour": { access: adminOnly },
  "admin.storageUsage": { access: adminOnly },
  "admin.recentSweeps": { access: adminOnly },

  "ai.info": { access: everyone },

  "chat.list": { access: everyone, showsGuestA: (result, world) => idsIn(result).includes(world.a.chatId) },
  "chat.get": { access: guestAOnly, input: (world) => ({ id: world.a.chatId }) },
  "chat.delete": { access: guestAOnly, input: (world) => ({ id: world.a.chatId }) },

  "document.status": { access: guestAOnly, input: (world) => ({ fileId: world.a.fileId }) },
  "document.ingest": { access: guestAOnly, input: (world) => ({ fileId: world.a.fileId }) },

  "file.list": { access: everyone, showsGuestA: listsFile },
  "file.delete": { access: guestAOnly, input: (world) => ({ id: world.a.fileId }) },
  // Others' ids are skipped, not refused: the call succeeds for anyone but deletes only for guest A.
  "file.deleteMany": { access: everyone, input: (world) => ({ ids: [world.a.fileId] }), showsGuestA: (result) => (result as { count?: unknown }).count === 1 },

  "job.create": { access: guestAOnly, input: (world) => ({ tool: "pdf.compress", fileIds: [world.a.fileId] }) },
  "job.get": { access: guestAOnly, input: (world) => ({ id: world.a.jobId }) },
  "job.list": { access: everyone, showsGuestA: listsJob },
  "job.cancel": { access: guestAOnly, input: (world) => ({ id: world.a.jobId }) },
  "job.onUpdate": { access: guestAOnly, input: (world) => ({ id: world.a.jobId }) },
  "job.rerun": { access: guestAOnly, input: (world) => ({ id: world.a.jobId }) },

  "quota.mine": { access: everyone },
  "quota.list": { access: adminOnly },
  // Writes PREMIUM's current values back unchanged: allowed, without moving limits under concurrent tests.
  "quota.update": { access: adminOnly, input: async () => ({ role: "PREMIUM", values: await getQuota(db, "PREMIUM") }) },

  "settings.get": { access: signedIn },
  "settings.recentSignIns": { access: signedIn },
  "settings.updateProfile": { access: signedIn, input: () => ({ name: "Renamed" }) },
  "settings.changeEmail": { access: signedIn, input: (world, who) => ({ email: `changed-${who}-${world.tag}@example.test` }) },
  "settings.changePassword": { access: signedIn, input: () => ({ newPassword: "a new password" }) },
  "settings.unlinkAccount": { access: signedIn, input: () => ({ provider: "github" }) },
  "settings.signOutEverywhere": { access: signedIn },
  "settings.deleteAccount": { access: signedIn, input: (world, who) => ({ confirmation: userOf(world, who)?.email ?? "nobody@example.test" }) },

  "system.health": { access: everyone },
  "tool.list": { access: everyone },
  "usage.summary": { access: everyone },
  "viewer.get": { access: everyone },
};
