import type { LanguageModelV4GenerateResult } from "@ai-sdk/provider";
import { MockLanguageModelV4 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageText, sampleReport } from "~/test/support/sample-report";
import { parseCitations } from "@/shared/citations";
import { createLanguageModel } from "@/server/ai/create-ai-models";
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer } from "~/test/support/openai-compatible-server";
import { inputErrorOf, onlyOutput } from "~/test/support/run-tool-once";
import { RetriableAiError } from "@/server/ai/map-ai-error";
import { runTool } from "../run-tool";
import { isToolInputError } from "../tool-error";
import { inputFile } from "~/test/support/input-file";
import { createExtractTool } from "./extract";
import { createKeyPointsTool } from "./key-points";
import { createSummarizeTool } from "./summarize";
import { makeTextPdf } from "~/test/support/pdf/make-text-pdf";
import { createTranslateTool } from "./translate";

// The AI tools as the job runner runs them: the offline model by default,
// scripted models where a language model is needed.
const report = () => inputFile("report.pdf", "application/pdf", makeTextPdf(sampleReport.map((chunk) => chunk.text)));
const offline = () => createLanguageModel({ OPENAI_MODEL: "unused" });
const decode = (data: Uint8Array) => new TextDecoder().decode(data);

function scripted(text: string) {
  const result: LanguageModelV4GenerateResult = {
    content: [{ type: "text", text }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: { inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 20, text: 20, reasoning: undefined } },
    warnings: [],
  };
  return new MockLanguageModelV4({ doGenerate: async () => result });
}

/** Every cited sentence must be on the page it cites. */
function expectHonestCitations(markdown: string) {
  const citations = parseCitations(markdown);
  expect(citations.length).toBeGreaterThan(0);
  for (const line of markdown.split("\n").filter((entry) => parseCitations(entry).length > 0)) {
    const [citation] = parseCitations(line);
    const sentence = line.slice(0, citation?.start).replace(/^- /, "").trim();
    expect(pageText(citation?.page ?? 0)).toContain(sentence.split(". ").at(-1)?.replace(/\.$/, ""));
  }
}

describe("ai.summarize and ai.key-points offline", { timeout: 60_000 }, () => {
  it("summarizes with cited sentences and says it is offline", async () => {
    const { output } = await onlyOutput(createSummarizeTool(offline), [report()], { length: "short" });
    expect(output).toMatchObject({ name: "report-summary.md", mimeType: "text/markdown" });
    const markdown = decode(output.data);
    expect(markdown).toMatch(/^# Summary of report\.pdf\n\n> Offline mode:/);
    expect(parseCitations(markdown)).toHaveLength(3);
  });

  it("writes bullets on request, and key points as a list of cited sentences from their pages", async () => {
    const bullets = decode((await onlyOutput(createSummarizeTool(offline), [report()], { style: "bullets" })).output.data);
    expect(bullets.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(5);
    const points = decode((await onlyOutput(createKeyPointsTool(offline), [report()], { length: "long" })).output.data);
    const body = points.split("\n").filter((line) => line.startsWith("- "));
    expect(body).toHaveLength(8);
    expectHonestCitations(body.join("\n"));
  });
});

describe("ai.extract", () => {
  it("finds dates, amounts and emails with their pages offline, and says what it cannot do", async () => {
    const { output } = await onlyOutput(createExtractTool(offline), [report()]);
    expect(output).toMatchObject({ name: "report-extracted.json", mimeType: "application/json" });
    const result = JSON.parse(decode(output.data)) as { mode: string; note: string; data: { dates: { value: string; page: number }[]; amounts: { value: string; page: number }[] } };
    expect(result.mode).toBe("offline");
    expect(result.note).toMatch(/other fields need a language model/);
    expect(result.data.dates).toContainEqual(expect.objectContaining({ value: "14 March 2023", page: 7 }));
    expect(result.data.amounts).toContainEqual(expect.objectContaining({ value: "$18.4 million", page: 7 }));
  });

  it("validates a model's invoice against the preset and refuses one that does not match", async () => {
    const invoice = {
      invoiceNumber: "4721", issueDate: "2024-03-01", dueDate: "2024-03-31", seller: { name: "Acme", address: null, taxId: null },
      buyer: { name: "Riverside", address: null }, currency: "USD", lineItems: [{ description: "Pipes", quantity: 2, unitPrice: 50, amount: 100 }],
      subtotal: 100, tax: 20, total: 120,
    };
    const model = scripted(JSON.stringify(invoice));
    const { output } = await onlyOutput(createExtractTool(() => model), [report()], { preset: "invoice" });
    expect(JSON.parse(decode(output.data))).toMatchObject({ file: "report.pdf", preset: "invoice", data: invoice });
    expect(JSON.stringify(model.doGenerateCalls[0]?.prompt)).toContain("Extract these fields from the documents: invoiceNumber, issueDate");

    const error = await inputErrorOf(createExtractTool(() => scripted(JSON.stringify({ total: "a lot" }))), [report()], { preset: "invoice" });
    expect(error.message).toBe("The model's answer for report.pdf did not match the schema. Try again, or simplify the schema.");
  });

  it("follows a user's JSON Schema, and explains one it cannot use", async () => {
    const schema = JSON.stringify({ type: "object", properties: { plant: { type: "string" }, year: { type: "integer" } }, required: ["plant", "year"] });
    const { output } = await onlyOutput(createExtractTool(() => scripted('{"plant":"Millbrook","year":2023}')), [report()], { preset: "custom", schema });
    expect(JSON.parse(decode(output.data)).data).toEqual({ plant: "Millbrook", year: 2023 });
    const error = await inputErrorOf(createExtractTool(() => scripted("{}")), [report()], { preset: "custom", schema: "{not json" });
    expect(error.message).toMatch(/^The schema is not valid JSON/);
  });
});

describe("AI token metering", () => {
  async function tokensOf(tool: Parameters<typeof runTool>[0], options: Record<string, unknown>) {
    const reported: number[] = [];
    const run = { inputs: [report()], options, progress: () => undefined, signal: new AbortController().signal, reportAiTokens: (tokens: number) => reported.push(tokens) };
    const failure = await runTool(tool, run).then(() => null, (error: unknown) => error);
    return { reported, failure };
  }

  it("reports each model call's input plus output tokens", async () => {
    expect(await tokensOf(createSummarizeTool(() => scripted("A summary [p. 1].")), {})).toEqual({ reported: [120], failure: null });
    expect(await tokensOf(createKeyPointsTool(() => scripted("- A point [p. 2]")), {})).toEqual({ reported: [120], failure: null });
  });

  it("counts the tokens of an answer that is thrown away because it does not match the schema", async () => {
    const { reported, failure } = await tokensOf(createExtractTool(() => scripted(JSON.stringify({ total: "a lot" }))), { preset: "invoice" });
    expect(String(failure)).toMatch(/did not match the schema/);
    expect(reported).toEqual([120]);
  });
});

describe("ai.translate", () => {
  let server: OpenAiCompatibleServer;
  beforeAll(async () => {
    server = await startOpenAiCompatibleServer();
  });
  afterAll(() => server.close());

  it("refuses offline, naming the setting that enables it", async () => {
    const error = await inputErrorOf(createTranslateTool(offline), [report()], { targetLanguage: "German" });
    expect(error.message).toBe("Translation needs a language model. Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama) and restart FileForge.");
  });

  it("translates page batches with a model and ends the job on a rejected key", async () => {
    const model = createLanguageModel({ OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: server.baseUrl });
    server.reply({ kind: "text", text: "Jahresbericht 2023 [report.pdf p. 1]" });
    const before = server.requests.length;
    const { output } = await onlyOutput(createTranslateTool(() => model), [report()], { targetLanguage: "German" });
    expect(output.name).toBe("report-german.md");
    expect(decode(output.data)).toContain("# report.pdf in German\n\nJahresbericht 2023 [report.pdf p. 1]");
    expect(JSON.stringify(server.requests[before]?.body)).toContain("Translate the documents into German");

    server.reply({ kind: "unauthorized" });
    const error = await inputErrorOf(createTranslateTool(() => model), [report()], {});
    expect(error.message).toBe("The AI provider rejected the API key. Check OPENAI_API_KEY.");
  });

  it("rethrows a rate limit for the job runner to retry, without the document text the SDK error carries", async () => {
    const model = createLanguageModel({ OPENAI_MODEL: "llama3.2", OPENAI_BASE_URL: server.baseUrl });
    // The SDK retries twice by itself before giving up: three refusals in a row.
    for (let i = 0; i < 3; i += 1) server.reply({ kind: "rate-limit", retryAfterSeconds: 0 });
    const run = { inputs: [report()], options: {}, progress: () => undefined, signal: new AbortController().signal };
    const error = await runTool(createTranslateTool(() => model), run).then(() => null, (failure: unknown) => failure);
    expect(error).toBeInstanceOf(RetriableAiError);
    expect(isToolInputError(error)).toBe(false);
    expect((error as Error).message).toMatch(/^The AI provider is limiting how fast FileForge may send requests/);
    // Nothing of the document reaches whatever logs the error.
    expect((error as Error).cause).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain(pageText(1).slice(0, 30));
  });
});
