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
