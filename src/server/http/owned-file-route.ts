import "server-only";
import type { Actor } from "@/server/auth/actor";
import { resolveFileOwner } from "./resolve-request-actor";
import { toErrorResponse } from "./to-error-response";

type FileParams = { id: string };

/** What a handler about one file gets: the file id and its would-be owner (not yet checked against the row). */
export type OwnedFileRequest<TParams extends FileParams> = { request: Request; params: TParams; actor: Actor };

/**
 * A route handler for /api/files/:id/…: the route's params, the actor (a
 * visitor without a cookie owns no file: 404 like someone else's file), then
 * `handle`, whose services check ownership in their queries. Errors become
 * `{ error }` responses in one place.
 */
export function ownedFileRoute<TParams extends FileParams>(
  route: string,
  handle: (file: OwnedFileRequest<TParams>) => Promise<Response>,
): (request: Request, context: { params: Promise<TParams> }) => Promise<Response> {
  return async (request, { params }) => {
    try {
      const resolved = await params;
      return await handle({ request, params: resolved, actor: await resolveFileOwner(request) });
    } catch (error) {
      return toErrorResponse(error, { route });
    }
  };
}
