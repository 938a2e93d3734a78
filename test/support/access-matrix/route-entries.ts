import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Actor, ownerOf } from "@/server/auth/actor";
import { createGuestId } from "@/server/auth/guest-cookie";
import { getLanguageModel } from "@/server/ai/get-language-model";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { exportAccountData } from "@/server/services/account/export-account-data";
import { streamDocumentSummary } from "@/server/services/ai-tools/stream-document-summary";
import { streamDocumentChat } from "@/server/services/chat/stream-document-chat";
import { renderOwnedPage } from "@/server/services/documents/render-owned-page";
import { deleteFile } from "@/server/services/files/delete-file";
import { getOwnedFile } from "@/server/services/files/get-owned-file";
import { recordStoredUpload } from "@/server/services/files/record-stored-upload";
import { renderThumbnail } from "@/server/services/files/render-thumbnail";
import { uploadFiles } from "@/server/services/files/upload-files";
import { getHealth } from "@/server/services/system/get-health";
import { createStorageKey } from "@/server/storage/create-storage-key";
import type { StorageDriver } from "@/server/storage/types";
import { makePdf } from "../pdf/make-pdf";
import { multipartBody } from "~/test/support/multipart";
import { type Access, everyone, guestAOnly, signedIn, type World } from "./world";

type RouteCall = (input: { world: World; actor: Actor | null; storage: StorageDriver }) => Promise<unknown>;

/** A route is checked through the same steps its handler runs, or exempted with the reason. */
export type RouteEntry = { access: Access; call: RouteCall } | { exempt: string };

// Handlers that create a guest for a visitor without a cookie, as the route does.
const orNewGuest = (actor: Actor | null): Actor => actor ?? { kind: "guest", guestId: createGuestId(), role: "GUEST" };

/** Setup, not access: A's file gets real PDF bytes, so the owner's preview can render. */
async function storeGuestAPdf(world: World, storage: StorageDriver) {
  const { storageKey } = await db.file.findUniqueOrThrow({ where: { id: world.a.fileId }, select: { storageKey: true } });
  const bytes = makePdf("A", 1);
  await storage.write(storageKey, bytes, { maxBytes: bytes.byteLength });
}

// Handlers answer 404 to a visitor without a guest cookie, as for anyone who does not own the file.
const requireActor = (actor: Actor | null) => {
  if (!actor) throw new AppError("NOT_FOUND", "File not found.");
  return actor;
};

export const routeEntries: Record<string, RouteEntry> = {
  "GET /api/account/export": {
    access: signedIn,
    call: async ({ actor, storage }) => {
      const { body } = await exportAccountData(db, storage, actor);
      for await (const chunk of body) void chunk; // the whole archive, so a late failure counts too
    },
  },
  "POST /api/files": {
    access: everyone,
    // A visitor without a cookie becomes a new guest, as the handler does.
    call: ({ actor, storage }) => uploadFiles(db, storage, orNewGuest(actor), multipartBody([{ name: "n.txt", bytes: "hello" }])),
  },
  "POST /api/chat": {
    access: guestAOnly,
    // A question about A's prepared document in A's chat, answered by the offline model.
    call: async ({ world, actor, storage }) => {
      const response = await streamDocumentChat(
        { db, storage, actor: orNewGuest(actor), log: logger, model: getLanguageModel("chat"), embeddingModel: null },
        { chatId: world.a.chatId, message: { id: `q_${world.tag}`, role: "user", parts: [{ type: "text", text: "What are the notes?" }] }, fileIds: [world.a.fileId] },
      );
      await response.text();
    },
  },
  "POST /api/ai/summary": {
    access: guestAOnly,
    // A summary of A's prepared document, written by the offline model.
    call: async ({ world, actor }) => {
      const response = await streamDocumentSummary(
        { db, actor: requireActor(actor), log: logger, model: getLanguageModel("summarize") },
        { tool: "ai.summarize", fileId: world.a.fileId, options: { length: "short" } },
      );
      await response.text();
    },
  },
  "DELETE /api/files/[id]": { access: guestAOnly, call: ({ world, actor, storage }) => deleteFile(db, storage, requireActor(actor), world.a.fileId) },
  "GET /api/files/[id]/download": { access: guestAOnly, call: ({ world, actor }) => getOwnedFile(db, requireActor(actor), world.a.fileId) },
  "GET /api/files/[id]/thumbnail": {
    access: guestAOnly,
    call: async ({ world, actor, storage }) => {
      await storeGuestAPdf(world, storage);
      return renderThumbnail(db, storage, requireActor(actor), world.a.fileId);
    },
  },
  "GET /api/files/[id]/pages/[page]": {
    access: guestAOnly,
    call: async ({ world, actor, storage }) => {
      await storeGuestAPdf(world, storage);
      return renderOwnedPage(db, storage, requireActor(actor), world.a.fileId, 1);
    },
  },
  "GET /api/health": { access: everyone, call: () => getHealth(db) },
  "POST /api/uploadthing": {
    access: everyone,
    // The middleware makes the caller (or a new guest) the owner; completion records under that owner.
    call: async ({ actor, storage }) => {
      const storageKey = createStorageKey();
      await storage.write(storageKey, new TextEncoder().encode("hello"), { maxBytes: 5 });
      return recordStoredUpload(db, storage, { storageKey, name: "n.txt", owner: ownerOf(orNewGuest(actor)), maxFileBytes: 1024, expiresAt: null });
    },
  },
  "GET /api/uploadthing": { exempt: "UploadThing's route configuration for its client; it answers 404 unless UPLOADTHING_TOKEN is set." },
  "GET /api/auth/[...nextauth]": { exempt: "Auth.js endpoints; credentials checks are tested through verifyCredentials." },
  "POST /api/auth/[...nextauth]": { exempt: "Auth.js endpoints; credentials checks are tested through verifyCredentials." },
  "GET /api/auth/verify-email": { exempt: "Public by design: a single-use emailed token is the only credential (src/server/services/account/admin-email-verification.test.ts)." },
  "GET /api/trpc/[trpc]": { exempt: "Transport for the procedures, which the procedure table covers." },
  "POST /api/trpc/[trpc]": { exempt: "Transport for the procedures, which the procedure table covers." },
  "GET /api/inngest": { exempt: "Inngest's serve handler: verified by INNGEST_SIGNING_KEY, not by a user session." },
  "POST /api/inngest": { exempt: "Inngest's serve handler: verified by INNGEST_SIGNING_KEY, not by a user session." },
  "PUT /api/inngest": { exempt: "Inngest's serve handler: verified by INNGEST_SIGNING_KEY, not by a user session." },
};

const METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";

/** The methods a route.ts exports: functions, destructured constants and `export { x as GET }`. */
function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+(${METHODS})\\b`, "g"))) methods.add(match[1] ?? "");
  // Handlers built by a prologue helper: `export const POST = jsonRoute(…)`.
  for (const match of source.matchAll(new RegExp(`export\\s+const\\s+(${METHODS})\\s*=`, "g"))) methods.add(match[1] ?? "");
  for (const match of source.matchAll(/export\s+(?:const\s+)?\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? "").split(",")) {
      const name = part.split(/\s+as\s+/).pop()?.trim() ?? "";
      if (new RegExp(`^(${METHODS})$`).test(name)) methods.add(name);
    }
  }
  return [...methods];
}

/** "METHOD /api/..." for every route handler under src/app. */
export function discoverRoutes(root = path.join(process.cwd(), "src/app")): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^route\.(ts|tsx|js)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    // Route groups "(name)" do not appear in URLs.
    const url = `/${path.relative(root, entry.parentPath).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/")}`;
    for (const method of exportedMethods(readFileSync(file, "utf8"))) routes.push(`${method} ${url}`);
  }
  return routes.sort();
}
