import "server-only";

// Runs a tool the way the job runner does and returns what a person would see.
import { expect } from "vitest";
import { runTool } from "../../src/server/tools/run-tool";
import { recordProgress } from "./input-file";
import { ToolInputError } from "../../src/server/tools/tool-error";
import type { ToolDefinition, ToolInputFile } from "../../src/server/tools/types";

export async function runForTest(tool: ToolDefinition, inputs: ToolInputFile[], options: Record<string, unknown> = {}, signal = new AbortController().signal) {
  const recorder = recordProgress();
  const outputs = await runTool(tool, { inputs, options, progress: recorder.progress, signal });
  return { outputs, updates: recorder.updates, steps: recorder.updates.map((update) => update.step) };
}

export async function onlyOutput(tool: ToolDefinition, inputs: ToolInputFile[], options: Record<string, unknown> = {}) {
  const run = await runForTest(tool, inputs, options);
  expect(run.outputs).toHaveLength(1);
  const [output] = run.outputs;
  if (!output) throw new Error("no output");
  return { ...run, output };
}

/** The ToolInputError a run fails with (the test fails if it fails any other way, or not at all). */
export async function inputErrorOf(tool: ToolDefinition, inputs: ToolInputFile[], options: Record<string, unknown> = {}): Promise<ToolInputError> {
  return (await failedRun(tool, inputs, options)).error;
}

/** The ToolInputError and the progress steps reported before it. */
export async function failedRun(tool: ToolDefinition, inputs: ToolInputFile[], options: Record<string, unknown> = {}) {
  const recorder = recordProgress();
  const run = runTool(tool, { inputs, options, progress: recorder.progress, signal: new AbortController().signal });
  const error = await run.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ToolInputError);
  return { error: error instanceof ToolInputError ? error : new ToolInputError("unreachable"), steps: recorder.updates.map((update) => update.step) };
}
