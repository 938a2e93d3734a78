import "server-only";
import type { EngineStep } from "@/server/db/generated/client";
import type { MemoizedOp } from "./sdk-internals";

type Result = { data: unknown } | { error: unknown };

/**
 * The step results of one run, in the form the SDK replays them from. Kept in
 * memory while this engine holds the run and mirrored to EngineStep.
 */
export class MemoizedSteps {
  private readonly results = new Map<string, Result>();
  private readonly order: string[] = [];

  /** Adds stored rows in their completion order. */
  load(rows: Pick<EngineStep, "stepId" | "data" | "error">[]): void {
    for (const row of rows) this.add(row.stepId, row.error !== null ? { error: row.error } : { data: row.data });
  }

  add(stepId: string, result: Result): void {
    if (this.results.has(stepId)) return;
    this.results.set(stepId, result);
    this.order.push(stepId);
  }

  has(stepId: string): boolean {
    return this.results.has(stepId);
  }

  /** Fresh objects for each execution: the SDK marks them as seen while it replays. */
  snapshot(): Record<string, MemoizedOp> {
    const state: Record<string, MemoizedOp> = {};
    for (const [id, result] of this.results) {
      state[id] = "error" in result ? { id, error: result.error } : { id, data: result.data };
    }
    return state;
  }

  completionOrder(): string[] {
    return [...this.order];
  }
}
