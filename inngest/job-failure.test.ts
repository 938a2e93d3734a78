import { NonRetriableError } from "inngest";
import { describe, expect, it } from "vitest";
import { ToolInputError } from "@/server/tools/tool-error";
import { failFastOnInputError, finalFailureMessage } from "./job-failure";

const GENERIC = "Something went wrong. Try again.";

describe("failFastOnInputError", () => {
  it("passes the work's result through", async () => {
    expect(await failFastOnInputError(async () => ({ outputIds: ["a"] }))).toEqual({ outputIds: ["a"] });
  });

  it("ends the run at once on input that can never work, keeping the tool's words", async () => {
    const input = new ToolInputError("report.pdf is password-protected.", { fileName: "report.pdf" });
    const error = await failFastOnInputError(() => Promise.reject(input)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonRetriableError);
    expect(error).toMatchObject({ message: "report.pdf is password-protected.", cause: input });
  });

  it("throws anything else as it is, so the engine retries it", async () => {
    const transient = new Error("connection reset");
    await expect(failFastOnInputError(() => Promise.reject(transient))).rejects.toBe(transient);
  });
});

describe("finalFailureMessage", () => {
  it("shows a person the readable message of a non-retriable failure and a generic line for anything else", () => {
    expect(finalFailureMessage(new NonRetriableError("report.pdf is password-protected."), GENERIC)).toBe("report.pdf is password-protected.");
    expect(finalFailureMessage(new Error("ECONNREFUSED 10.0.0.5:5432"), GENERIC)).toBe(GENERIC);
  });
});
