import { db } from "@/server/db";
import { resolveFileOwner } from "@/server/http/resolve-request-actor";
import { toErrorResponse } from "@/server/http/to-error-response";
import { deleteFile } from "@/server/services/files/delete-file";
import { getStorage } from "@/server/storage";

export const dynamic = "force-dynamic";

/** DELETE /api/files/:id — deletes the owner's file now; 404 for anyone else. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const actor = await resolveFileOwner(request);
    await deleteFile(db, getStorage(), actor, id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return toErrorResponse(error, { route: "DELETE /api/files/:id" });
  }
}
