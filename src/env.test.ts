import { describe, expect, it } from "vitest";
import { createAppEnv } from "./env.js";

describe("createAppEnv", () => {
  it("runs on embedded defaults when nothing is set", () => {
    const env = createAppEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.INNGEST_DEV).toBe(false);
    expect(env.ADMIN_EMAILS).toEqual([]);
  });

  it("treats empty strings as unset", () => {
    expect(createAppEnv({ DATABASE_URL: "", OPENAI_API_KEY: "" }).DATABASE_URL).toBeUndefined();
  });

  it("stops with a message naming each malformed variable", () => {
    expect(() => createAppEnv({ DATABASE_URL: "mysql://localhost/db", INNGEST_DEV: "yes" })).toThrow(
      /DATABASE_URL[\s\S]*INNGEST_DEV|INNGEST_DEV[\s\S]*DATABASE_URL/,
    );
    expect(() => createAppEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("parses flags and lists", () => {
    const env = createAppEnv({ INNGEST_DEV: "1", ADMIN_EMAILS: " Admin@Example.com , ops@example.com," });
    expect(env.INNGEST_DEV).toBe(true);
    expect(env.ADMIN_EMAILS).toEqual(["admin@example.com", "ops@example.com"]);
  });
});
