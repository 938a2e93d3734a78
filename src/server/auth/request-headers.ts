import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers as nextHeaders } from "next/headers";

type Handler<R extends Request> = (request: R) => Promise<Response>;

// Auth.js hands its events (signIn) no request. The auth route runs its
// handlers inside this store so they can still see the client's address and
// user agent, under Next and when a test calls the route handler directly.
const store = new AsyncLocalStorage<Headers>();

/** Runs an Auth.js route handler with its request's headers readable by currentRequestHeaders(). */
export function withRequestHeaders<R extends Request>(handler: Handler<R>): Handler<R> {
  return (request) => store.run(request.headers, () => handler(request));
}

/** The headers of the request being handled: the auth route's, else Next's request scope, else none. */
export async function currentRequestHeaders(): Promise<Headers> {
  const own = store.getStore();
  if (own) return own;
  try {
    return new Headers(await nextHeaders());
  } catch {
    // Outside any request (a script): nothing to attribute.
    return new Headers();
  }
}
