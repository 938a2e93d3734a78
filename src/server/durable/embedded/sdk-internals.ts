import "server-only";
import type { Inngest, InngestFunction } from "inngest";
import { InngestExecution, InngestExecutionEngine } from "inngest/internals";
import { StepMode } from "inngest/types";

// The ONE place that reaches into Inngest SDK internals. The embedded engine
// drives functions through the SDK's own execution protocol, the way
// `@inngest/test` does and the way the SDK's serve handler does for requests
// from an Inngest server. `createExecution` and `client` are protected members
// of InngestFunction, so they are read here with narrow casts. The contract
// tests (contract.test.ts) fail if an SDK upgrade changes any of this.

export type ExecutionResult = InngestExecution.ExecutionResult;
export type ExecutionOptions = InngestExecution.InngestExecutionOptions;
export type MemoizedOp = InngestExecution.MemoizedOp;
export type HandlerKind = "main" | "failure";

interface ExecutableFunction {
  createExecution(opts: { partialOptions: Omit<ExecutionOptions, "fn"> }): InngestExecution.IInngestExecution;
  client: Inngest.Any;
}

function internalsOf(fn: InngestFunction.Any): ExecutableFunction {
  return fn as unknown as ExecutableFunction;
}

export interface InvokeInput {
  fn: InngestFunction.Any;
  handlerKind: HandlerKind;
  runId: string;
  event: { name: string; data: unknown; id?: string; ts?: number };
  attempt: number;
  maxAttempts: number;
  /** Memoized step results, keyed by hashed step id. */
  stepState: Record<string, MemoizedOp>;
  /** Hashed ids in the order their results were stored. */
  stepCompletionOrder: string[];
  /** Run exactly this (hashed) step: how parallel steps are executed one by one. */
  requestedRunStep?: string;
}

/** One request of the Inngest execution protocol: replay memoized steps, then run or report new ones. */
export function startExecution(input: InvokeInput): Promise<ExecutionResult> {
  const { fn } = input;
  const events = [input.event];
  const execution = internalsOf(fn).createExecution({
    partialOptions: {
      client: internalsOf(fn).client,
      runId: input.runId,
      // Plain async mode, as with a self-hosted server without checkpointing:
      // every step result comes back to the engine before the next one runs.
      stepMode: StepMode.Async,
      // The same fields the SDK's serve handler passes; the logger and the
      // step tools are added by the execution itself.
      data: {
        event: input.event,
        events,
        runId: input.runId,
        attempt: input.attempt,
        maxAttempts: input.maxAttempts,
      } as ExecutionOptions["data"],
      stepState: input.stepState,
      stepCompletionOrder: input.stepCompletionOrder,
      requestedRunStep: input.requestedRunStep,
      disableImmediateExecution: false,
      handlerKind: input.handlerKind,
      reqArgs: [],
      headers: {},
    },
  });
  return execution.start();
}

/** The SDK's hashed step id (sha1 of the userland id), as stored in EngineStep.stepId. */
export function hashStepId(userlandId: string): string {
  return InngestExecutionEngine._internals.hashId(userlandId);
}

/** The function id an Inngest server would use: app id + function id. */
export function absoluteFunctionId(fn: InngestFunction.Any): string {
  return fn.id(internalsOf(fn).client.id);
}
