// The header `npm start`'s server stamps on every request with the address of
// the connection it arrived on. Route handlers cannot see the socket, so this
// is how the app learns a client's address with no proxy in front
// (TRUSTED_PROXY_HOPS=0). Shared by the server and its test.
export const CLIENT_IP_HEADER = "x-fileforge-client-ip";

/**
 * Overwrites whatever the client sent in the header with the socket's address.
 * @param {import("node:http").IncomingMessage} request
 */
export function stampClientIp(request) {
  const address = request.socket?.remoteAddress ?? "";
  // IPv4 clients of a dual-stack listener appear as ::ffff:a.b.c.d.
  request.headers[CLIENT_IP_HEADER] = address.startsWith("::ffff:") ? address.slice(7) : address;
}

/**
 * Makes every HTTP server the given `node:http` module creates from now on
 * stamp its requests, before any other 'request' listener (Next's) runs.
 * @param {{ createServer: typeof import("node:http").createServer }} httpModule
 */
export function stampEveryServer(httpModule) {
  const createServer = httpModule.createServer;
  /** @type {(...args: unknown[]) => import("node:http").Server} */
  const createServerStampingClientIp = (...args) => {
    const server = /** @type {(...args: unknown[]) => import("node:http").Server} */ (createServer)(...args);
    server.prependListener("request", stampClientIp);
    return server;
  };
  httpModule.createServer = /** @type {typeof import("node:http").createServer} */ (createServerStampingClientIp);
}
