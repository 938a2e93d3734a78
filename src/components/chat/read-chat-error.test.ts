import { describe, expect, it } from "vitest";
import { readChatError } from "./read-chat-error";

describe("readChatError", () => {
  it("reads the route's JSON error body", () => {
    expect(readChatError(new Error('{"error":{"code":"NOT_FOUND","message":"One or more documents were not found."}}'))).toBe("One or more documents were not found.");
  });

  it("keeps a stream error's sentence and explains a network failure", () => {
    expect(readChatError(new Error("The AI provider rejected the API key. Check OPENAI_API_KEY."))).toBe("The AI provider rejected the API key. Check OPENAI_API_KEY.");
    expect(readChatError(new TypeError("Failed to fetch"))).toBe("Could not reach FileForge. Check your connection and try again.");
  });
});
