import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import type { Session } from "next-auth";
import { auth } from "./index";

/**
 * The Auth.js session of a request, read from its own headers. auth()'s
 * API-route form does this without next/headers, so the tRPC route behaves
 * the same under Next, in server components and in tests. The refreshed
 * session cookie Auth.js offers is dropped, as auth() in a server component
 * does; an ended session reads as null either way.
 */
export function readSession(headers: Headers): Promise<Session | null> {
  const request = { headers } as unknown as NextApiRequest;
  const discarded = { headers: new Headers() } as unknown as NextApiResponse;
  return auth(request, discarded);
}
