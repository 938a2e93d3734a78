import { describe, expect, it } from "vitest";
import { buildTextQuery } from "./build-text-query";

describe("buildTextQuery", () => {
  it("ORs the content words of a question as prefixes, without stop words", () => {
    expect(buildTextQuery("When was the Millbrook plant commissioned?")).toBe("millbrook:* | plant:* | commission:*");
  });

  it("stems lightly, keeps short words exact, and drops anything that is not a letter or digit", () => {
    expect(buildTextQuery("Invoice #4721 & 'VAT' (EU)!")).toBe("invoic:* | 4721:* | vat | eu");
  });

  it("is null for a question of stop words only", () => {
    expect(buildTextQuery("what is this about?")).toBeNull();
  });
});
