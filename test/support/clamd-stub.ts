import net from "node:net";
import type { AddressInfo } from "node:net";

// The EICAR test string: every scanner reports it, and it is harmless.
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

export type ClamdStubMode = "scan" | "hang" | "close";

/**
 * A clamd that speaks INSTREAM on a free loopback port: it answers
 * "Eicar-Test-Signature FOUND" for data holding the EICAR string, else OK.
 * `mode` makes it never answer, or drop the connection at once.
 */
export async function startClamdStub(mode: ClamdStubMode = "scan") {
  const chunkCounts: number[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (mode === "close") return socket.destroy();
    let buffer = Buffer.alloc(0);
    let commandRead = false;
    const received: Buffer[] = [];
    let chunks = 0;
    socket.on("data", (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (!commandRead) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        if (buffer.subarray(0, end).toString() !== "zINSTREAM") return socket.end("UNKNOWN COMMAND\0");
        buffer = buffer.subarray(end + 1);
        commandRead = true;
      }
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          chunkCounts.push(chunks);
          if (mode === "hang") return;
          const infected = Buffer.concat(received).includes(EICAR);
          socket.end(infected ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0");
          return;
        }
        if (buffer.length < 4 + length) return;
        received.push(buffer.subarray(4, 4 + length));
        chunks += 1;
        buffer = buffer.subarray(4 + length);
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** How many data chunks each finished stream arrived in. */
    chunkCounts,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
