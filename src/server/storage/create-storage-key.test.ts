import { describe, expect, it } from "vitest";
import { assertValidStorageKey, createStorageKey, InvalidStorageKeyError, isValidStorageKey } from "./create-storage-key";

describe("createStorageKey", () => {
  it("makes a UTC date prefix and 128 random bits in base64url", () => {
    const key = createStorageKey(new Date("2026-01-09T23:59:59Z"));
    expect(key).toMatch(/^2026\/01\/09\/[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(key.slice(11), "base64url")).toHaveLength(16);
    expect(isValidStorageKey(key)).toBe(true);
  });

  it("never repeats a key", () => {
    const keys = new Set(Array.from({ length: 10_000 }, () => createStorageKey()));
    expect(keys.size).toBe(10_000);
  });
});

describe("isValidStorageKey", () => {
  it.each([
    "../etc/passwd",
    "/abs",
    "a/../../b",
    "%2e%2e",
    "%2e%2e/etc",
    "",
    ".",
    "..",
    "a//b",
    "a/",
    "a/b/",
    "a\\b",
    ".tmp/x",
    "a/./b",
    "a b",
    "a\u0000b",
    "ä",
    "x".repeat(129),
  ])("rejects %j", (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    expect(() => assertValidStorageKey(key)).toThrow(InvalidStorageKeyError);
  });

  it.each(["a", "2026/11/21/AbC-_09", "x".repeat(128)])("accepts %j", (key) => {
    expect(isValidStorageKey(key)).toBe(true);
  });
});
