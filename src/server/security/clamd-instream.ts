import "server-only";
import net from "node:net";

// clamd's INSTREAM command (clamd(8)): "zINSTREAM\0", then the data as chunks
// each prefixed with its length (4 bytes, big-endian), then a zero length.
// clamd answers one line: "stream: OK", "stream: <signature> FOUND" or
// "<reason> ERROR", terminated by \0 with the z prefix.

const CHUNK_BYTES = 64 * 1024;

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** The scanner could not give a verdict: down, refused the stream, or too slow. */
export class ScannerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ScannerUnavailableError";
  }
}

/** "tcp://host:port" → where to connect. */
export function clamdAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ""), port: Number(parsed.port || 3310) };
}

function lengthPrefix(length: number): Buffer {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(length);
  return prefix;
}

/**
 * Streams `data` to clamd at `url` and returns its verdict. Memory stays at
 * one chunk whatever the size (the socket's backpressure is honoured); the
 * whole scan, connection included, must finish within `timeoutMs`.
 */
export async function scanStream(url: string, data: AsyncIterable<Uint8Array>, timeoutMs: number): Promise<ScanVerdict> {
  const { host, port } = clamdAddress(url);
  const socket = net.connect({ host, port });
  let reply = "";
  const answered = new Promise<string>((resolve, reject) => {
    socket.on("data", (chunk: Buffer) => {
      reply += chunk.toString("utf8");
      if (reply.includes("\0")) resolve(reply.slice(0, reply.indexOf("\0")));
    });
    socket.on("end", () => resolve(reply.replace(/\0.*$/s, "")));
    socket.on("error", (error) => reject(new ScannerUnavailableError(`the virus scanner at ${host}:${port} is not reachable`, { cause: error })));
  });
  answered.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ScannerUnavailableError(`the virus scanner did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const write = async (buffer: Buffer) => {
    if (socket.destroyed) throw new ScannerUnavailableError("the virus scanner closed the connection");
    if (!socket.write(buffer)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), answered]);
  };
  const send = async () => {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    await write(Buffer.from("zINSTREAM\0"));
    for await (const piece of data) {
      const buffer = Buffer.from(piece);
      for (let offset = 0; offset < buffer.length; offset += CHUNK_BYTES) {
        const part = buffer.subarray(offset, offset + CHUNK_BYTES);
        await write(Buffer.concat([lengthPrefix(part.length), part]));
      }
    }
    await write(lengthPrefix(0));
    return answered;
  };
  try {
    const line = (await Promise.race([send(), timedOut])).trim();
    const found = /^stream: (.+) FOUND$/.exec(line);
    if (found?.[1]) return { clean: false, signature: found[1] };
    if (line === "stream: OK") return { clean: true };
    throw new ScannerUnavailableError(`the virus scanner could not scan the file (${line || "no answer"})`);
  } catch (error) {
    if (error instanceof ScannerUnavailableError) throw error;
    throw new ScannerUnavailableError(`the virus scanner at ${host}:${port} is not reachable`, { cause: error });
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
