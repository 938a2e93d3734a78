import { beforeEach, describe, expect, it } from "vitest";
import { type QueueItem, useToolSessionStore } from "./tool-session-store";

const item = (key: string): QueueItem => ({
  key,
  file: new File(["x"], `${key}.pdf`),
  status: "uploading",
  progress: 0,
  error: null,
  retryable: false,
  uploaded: null,
});
const keys = () => useToolSessionStore.getState().items.map((queued) => queued.key);

describe("tool session store", () => {
  beforeEach(() => {
    useToolSessionStore.getState().reset();
    useToolSessionStore.getState().addItems([item("a"), item("b"), item("c")]);
  });

  it("moves a file up or down and ignores moves past either end", () => {
    const { moveItem } = useToolSessionStore.getState();
    moveItem("c", -1);
    expect(keys()).toEqual(["a", "c", "b"]);
    moveItem("a", -1);
    moveItem("b", 1);
    expect(keys()).toEqual(["a", "c", "b"]);
  });

  it("updates one file's upload and empties on reset", () => {
    useToolSessionStore.getState().updateItem("b", { progress: 40 });
    useToolSessionStore.getState().setJobId("job-1");
    expect(useToolSessionStore.getState().items.map((queued) => queued.progress)).toEqual([0, 40, 0]);
    useToolSessionStore.getState().reset();
    expect(useToolSessionStore.getState()).toMatchObject({ items: [], jobId: null });
  });
});
