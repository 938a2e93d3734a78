import { db } from "@/server/db";
import { ownedFileRoute } from "@/server/http/owned-file-route";
import { deleteFile } from "@/server/services/files/delete-file";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";

/** DELETE /api/files/:id — deletes the owner's file now; 404 for anyone else. */
export const DELETE = ownedFileRoute("DELETE /api/files/:id", async ({ params, actor }) => {
  await deleteFile(db, getStorage(), actor, params.id);
  return new Response(null, { status: 204 });
});
