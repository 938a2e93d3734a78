import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, stampEveryServer } from "./client-ip-header.mjs";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server made through a stamped copy of node:http that answers with the header its handler saw. */
async function startStampedServer() {
  const httpModule = { createServer: http.createServer };
  stampEveryServer(httpModule);
  const server = httpModule.createServer((request, response) => response.end(String(request.headers[CLIENT_IP_HEADER])));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("npm start's client-IP stamp", () => {
  it("gives the handler the connection's address, whatever the client sent", async () => {
    const url = await startStampedServer();
    const spoofed = await fetch(url, { headers: { [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": "198.51.100.1" } });
    expect(await spoofed.text()).toBe("127.0.0.1");
    expect(await (await fetch(url)).text()).toBe("127.0.0.1");
  });

  it("leaves node:http itself alone", () => {
    const httpModule = { createServer: http.createServer };
    stampEveryServer(httpModule);
    expect(http.createServer).not.toBe(httpModule.createServer);
  });
});
