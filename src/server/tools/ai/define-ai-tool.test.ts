import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { unzipSync } from "fflate";
import { generateText } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { runTool } from "../run-tool";
import { inputFile, recordProgress } from "~/test/support/input-file";
import { ToolInputError } from "../tool-error";
import type { ToolInputFile } from "../types";
import { defineAiTool } from "./define-ai-tool";

// A tool written with the helper, over a scripted model that answers every call with "Hello" for 100 + 20 tokens.
function echoModel() {
  const result: LanguageModelV4GenerateResult = {
    content: [{ type: "text", text: "Hello" }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: { inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 20, text: 20, reasoning: undefined } },
    warnings: [],
  };
  return new MockLanguageModelV4({ doGenerate: async () => result });
}

const greetOptions = z.object({ refuse: z.boolean().default(false) });

const createGreetTool = defineAiTool({
  id: "ai.test-greet",
  title: "Greet",
  description: "Says hello to each document.",
  maxFiles: 3,
  options: greetOptions,
  purpose: "summarize",
  zipName: "greetings.zip",
  setUp: ({ options }) => {
    if (options.refuse) throw new ToolInputError("Refused before reading.");
    return "greeting";
  },
  async perDocument(input, { model: metered, signal, setup, report }) {
    report(`Greeting ${input.name}`);
    const { text } = await generateText({ model: metered, prompt: input.passages.map((passage) => passage.text).join("\n"), abortSignal: signal });
    return { name: `${input.name}.txt`, mimeType: "text/plain", data: new TextEncoder().encode(`${setup}: ${text} (${input.passages.length} page)`) };
  },
});

const greetTool = (model: MockLanguageModelV4) => createGreetTool(() => model);

/** A text file that remembers whether anything read it. */
function textFile(name: string, text: string): ToolInputFile & { reads: number } {
  const file = { ...inputFile(name, "text/plain", new TextEncoder().encode(text)), reads: 0 };
  const read = file.read;
  file.read = () => ((file.reads += 1), read());
  return file;
}

describe("defineAiTool", () => {
  it("gives a tool the AI category, the document types and the shared limits", () => {
    expect(greetTool(echoModel())).toMatchObject({ category: "ai", minFiles: 1, maxFiles: 3, limits: { maxInputBytes: 100_000_000, maxPages: 2_000 } });
    expect(greetTool(echoModel()).accepts).toEqual(expect.arrayContaining(["application/pdf", "text/plain"]));
  });

  it("reads each document into passages, runs the work, zips a batch and reports every call's tokens once", async () => {
    const model = echoModel();
    const tokens: number[] = [];
    const recorder = recordProgress();
    const inputs = [textFile("a.txt", "First note."), textFile("b.txt", "Second note.")];
    const outputs = await runTool(greetTool(model), { inputs, options: {}, progress: recorder.progress, signal: new AbortController().signal, reportAiTokens: (count) => tokens.push(count) });
    expect(outputs.map((output) => output.name)).toEqual(["greetings.zip"]);
    const entries = unzipSync(outputs[0]?.data ?? new Uint8Array());
    expect(new TextDecoder().decode(entries["a.txt.txt"])).toBe("greeting: Hello (1 page)");
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(tokens).toEqual([120, 120]);
    expect(recorder.updates.map((update) => update.step)).toContain("Greeting b.txt");
  });

  it("refuses in setUp before any file is read", async () => {
    const input = textFile("a.txt", "A note.");
    const recorder = recordProgress();
    const run = runTool(greetTool(echoModel()), { inputs: [input], options: { refuse: true }, progress: recorder.progress, signal: new AbortController().signal });
    await expect(run).rejects.toThrow("Refused before reading.");
    expect(input.reads).toBe(0);
  });
});
