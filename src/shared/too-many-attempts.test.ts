import { describe, expect, it } from "vitest";
import { parseTooManyAttemptsCode, tooManyAttemptsCode, tooManyAttemptsMessage } from "./too-many-attempts";

describe("too many attempts message", () => {
  it("carries the wait from the route's code to the form's words, rounded up to whole minutes", () => {
    expect(parseTooManyAttemptsCode(tooManyAttemptsCode(899.2))).toBe(900);
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts. Try again in 15 min.");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts. Try again in 2 min.");
    expect(tooManyAttemptsMessage(5)).toBe("Too many attempts. Try again in 1 min.");
    expect(parseTooManyAttemptsCode("credentials")).toBeNull();
    expect(parseTooManyAttemptsCode(undefined)).toBeNull();
  });
});
