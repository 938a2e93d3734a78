import { describe, expect, it } from "vitest";
import { callerFor, createTestUser } from "~/test/support/callers";

describe("ai.info", () => {
  it("tells visitors what offline mode cannot do, and only admins how to enable it", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const infoFor = async (sessionUserId?: string) => callerFor({ sessionUserId }).caller.ai.info();

    const anonymous = await infoFor();
    expect(anonymous.offline).toBe(true);
    expect(anonymous.limitations.translate).toBe("Translation needs a language model.");
    expect(JSON.stringify(anonymous)).not.toContain("OPENAI_");
    expect(await infoFor(user.id)).toEqual(anonymous);

    const forAdmin = await infoFor(admin.id);
    expect(forAdmin.limitations.translate).toMatch(/^Translation needs a language model\. Set OPENAI_API_KEY/);
  });
});
