import { describe, expect, it } from "vitest";
import { announceState, panelState } from "./stream-state";

describe("panelState", () => {
  it("prepares until the document is ready and the stream has begun", () => {
    expect(panelState(null, "idle")).toBe("preparing");
    expect(panelState("extracting", "idle")).toBe("preparing");
    expect(panelState("ready", "idle")).toBe("preparing");
    expect(panelState("ready", "streaming")).toBe("streaming");
    expect(panelState("ready", "stopped")).toBe("stopped");
    expect(panelState("ready", "error")).toBe("error");
  });

  it("shows a failed preparation whatever the stream did", () => {
    expect(panelState("failed", "idle")).toBe("preparation-failed");
  });
});

describe("announceState", () => {
  it("says what happens in a sentence that reads right for singular and plural results", () => {
    const about = { noun: "key points", fileName: "report.pdf" };
    expect(announceState("streaming", about)).toBe("Writing the key points…");
    expect(announceState("done", about)).toBe("Finished writing the key points. Citations in it open the cited page.");
    expect(announceState("preparation-failed", about)).toBe("report.pdf could not be prepared.");
  });
});
