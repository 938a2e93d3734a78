import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { peekStream } from "./peek-stream";

function chunks(...parts: string[]) {
  return Readable.from(parts.map((part) => Buffer.from(part)));
}

describe("peekStream", () => {
  it("returns the head and replays the whole stream", async () => {
    const { head, stream } = await peekStream(chunks("ab", "cd", "ef", "gh"), 3);
    expect(Buffer.from(head).toString()).toBe("abc");
    expect((await buffer(stream)).toString()).toBe("abcdefgh");
  });

  it("handles streams shorter than the head", async () => {
    const { head, stream } = await peekStream(chunks("xy"), 10);
    expect(Buffer.from(head).toString()).toBe("xy");
    expect((await buffer(stream)).toString()).toBe("xy");
  });
});

describe("peekStream, abandoned", () => {
  it("reads the rest of the source to its end when the replay is destroyed, so its producer is never left waiting", async () => {
    let produced = 0;
    const source = new Readable({
      highWaterMark: 4,
      read() {
        produced += 1;
        this.push(produced <= 50 ? Buffer.from("0123456789") : null);
      },
    });
    const { stream } = await peekStream(source, 15);
    const ended = new Promise((resolve) => source.once("end", resolve));
    stream.destroy();
    await ended;
    expect(produced).toBe(51);
  });
});
