import "server-only";
import { mupdfGeneration, reloadMupdf } from "../pdf/mupdf-runtime";
import { runTool } from "../run-tool";
import { retryAfterEngineFault } from "./retry-after-fault";

/**
 * runTool in this process (TOOL_RUNNER=in-process, or workers cannot start),
 * under the same rule as the pool: after an engine fault the trapped mupdf
 * instance is dropped and a fresh one loaded, the job runs once more, and a
 * second fault fails it readably. A worker would simply exit; here the engine
 * itself is what gets replaced, since this process serves every other request.
 */
export const runToolInProcess: typeof runTool = async (tool, run) => {
  // The instance each attempt ran on: only that one is replaced, once, however many jobs it failed.
  let generation = mupdfGeneration();
  const attempt = () => {
    generation = mupdfGeneration();
    return runTool(tool, run);
  };
  return retryAfterEngineFault({ tool, inputs: run.inputs, progress: run.progress }, attempt, () => reloadMupdf(generation));
};
