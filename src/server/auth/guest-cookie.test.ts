import { describe, expect, it } from "vitest";
import { createGuestId, decodeGuestCookie, encodeGuestCookie, serializeGuestCookie } from "./guest-cookie";

const secret = "a".repeat(40);

describe("guest cookie", () => {
  it("round-trips a random guest id", () => {
    const id = createGuestId();
    expect(id).toMatch(/^g_[A-Za-z0-9_-]{22}$/);
    expect(createGuestId()).not.toBe(id);
    expect(decodeGuestCookie(encodeGuestCookie(id, secret), secret)).toBe(id);
  });

  it("rejects a tampered id, a tampered signature and another secret", () => {
    const id = createGuestId();
    const value = encodeGuestCookie(id, secret);
    const other = createGuestId();
    expect(decodeGuestCookie(`${other}${value.slice(id.length)}`, secret)).toBeNull();
    expect(decodeGuestCookie(`${value.slice(0, -2)}xx`, secret)).toBeNull();
    expect(decodeGuestCookie(value, "b".repeat(40))).toBeNull();
    expect(decodeGuestCookie("garbage", secret)).toBeNull();
    expect(decodeGuestCookie("", secret)).toBeNull();
    expect(decodeGuestCookie(undefined, secret)).toBeNull();
  });

  it("is httpOnly, SameSite=Lax, and Secure over HTTPS", () => {
    const header = serializeGuestCookie(createGuestId(), { secure: true });
    expect(header).toMatch(/^__Host-ff_guest=g_[^;]+; Path=\//);
    expect(header).toContain("HttpOnly");
    expect(header).toContain("SameSite=Lax");
    expect(header).toContain("Secure");
    expect(serializeGuestCookie(createGuestId(), { secure: false })).not.toContain("Secure");
  });
});
