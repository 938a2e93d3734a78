import { describe, expect, it } from "vitest";
import { openJobSecrets, SealedSecretsError, sealJobSecrets } from "./seal-job-secrets";

describe("sealed job secrets", () => {
  it("open for their own job only, with no plaintext in the sealed value", () => {
    const sealed = sealJobSecrets("job-a", { password: "correct horse" });
    expect(sealed).not.toContain("correct horse");
    expect(Buffer.from(sealed.split(".")[3] ?? "", "base64url").toString()).not.toContain("correct horse");
    expect(openJobSecrets("job-a", sealed)).toEqual({ password: "correct horse" });
    expect(() => openJobSecrets("job-b", sealed)).toThrow(SealedSecretsError);
  });

  it("refuse a tampered or malformed value", () => {
    const sealed = sealJobSecrets("job-a", { password: "x" });
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3] ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openJobSecrets("job-a", [parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."))).toThrow(SealedSecretsError);
    expect(() => openJobSecrets("job-a", "v0.a.b.c")).toThrow(SealedSecretsError);
    expect(() => openJobSecrets("job-a", "")).toThrow(SealedSecretsError);
  });

  it("never seal the same secrets to the same bytes twice", () => {
    expect(sealJobSecrets("job-a", { password: "x" })).not.toBe(sealJobSecrets("job-a", { password: "x" }));
  });
});
