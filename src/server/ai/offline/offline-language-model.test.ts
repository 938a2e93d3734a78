import { generateText } from "ai";
import { describe, expect, it } from "vitest";
import { pageText, sampleReport, SAMPLE_FILE } from "~/test/support/sample-report";
import { buildDocumentPrompt } from "../build-document-prompt";
import { parseCitations } from "@/shared/citations";
import { NEEDS_LANGUAGE_MODEL } from "../document-task";
import { createOfflineLanguageModel } from "./offline-language-model";

const model = createOfflineLanguageModel();

/** Each "sentence [p. N]" of an extractive text, as the sentence and the page it cites. */
function citedSentences(text: string) {
  const citations = parseCitations(text);
  return citations.map((citation, index) => ({
    sentence: text.slice(index === 0 ? 0 : (citations[index - 1]?.end ?? 0), citation.start).replace(/^\s*-\s*/, "").trim(),
    page: citation.page,
    fileName: citation.fileName,
  }));
}

describe("offline model: summaries", () => {
  it("summarizes with sentences taken from the document, each citing the page it is on", async () => {
    const prompt = buildDocumentPrompt({ task: "summarize", length: "short", chunks: sampleReport });
    const { text } = await generateText({ model, ...prompt.options });
    const cited = citedSentences(text);
    expect(cited).toHaveLength(3);
    for (const { sentence, page } of cited) expect(pageText(page)).toContain(sentence);
    // Document order, as the summary is meant to read.
    expect(cited.map((entry) => entry.page)).toEqual([...cited.map((entry) => entry.page)].sort((a, b) => a - b));
  });

  it("lists key points as bullets, as many as the length asks for", async () => {
    const prompt = buildDocumentPrompt({ task: "key-points", length: "medium", chunks: sampleReport });
    const { text } = await generateText({ model, ...prompt.options });
    const bullets = text.split("\n");
    expect(bullets).toHaveLength(5);
    for (const bullet of bullets) expect(bullet).toMatch(/^- .+ \[p\. \d+\]$/);
    for (const { sentence, page } of citedSentences(text)) expect(pageText(page)).toContain(sentence);
  });

  it("names the file in citations when the text spans several files", async () => {
    const other = sampleReport.slice(0, 3).map((chunk) => ({ ...chunk, fileName: "board-minutes.pdf" }));
    const prompt = buildDocumentPrompt({ task: "summarize", length: "long", chunks: [...sampleReport, ...other] });
    const { text } = await generateText({ model, ...prompt.options });
    expect(parseCitations(text).every((citation) => citation.fileName === SAMPLE_FILE || citation.fileName === "board-minutes.pdf")).toBe(true);
  });
});

describe("offline model: answers", () => {
  it("answers a question whose fact is on page 7 of 10 by quoting and citing page 7", async () => {
    const prompt = buildDocumentPrompt({ task: "answer", chunks: sampleReport, question: "When was the Millbrook treatment plant commissioned?" });
    const { text } = await generateText({ model, ...prompt.options });
    expect(text.startsWith("From the document:")).toBe(true);
    expect(text).toContain('"The new Millbrook treatment plant was commissioned on 14 March 2023 at a cost of $18.4 million."');
    expect(parseCitations(text)[0]).toMatchObject({ fileName: SAMPLE_FILE, page: 7 });
  });

  it("says plainly when the documents do not answer the question", async () => {
    const prompt = buildDocumentPrompt({ task: "answer", chunks: sampleReport, question: "What is the capital of France?" });
    const { text } = await generateText({ model, ...prompt.options });
    expect(text).toMatch(/^I couldn't find that in the document\./);
    expect(parseCitations(text)).toEqual([]);
  });

  it("answers the last user message of a chat", async () => {
    const history = [
      { role: "user" as const, content: "How many people work there?" },
      { role: "assistant" as const, content: "640 people." },
      { role: "user" as const, content: "How much revenue did the Authority have?" },
    ];
    const { text } = await generateText({ model, ...buildDocumentPrompt({ task: "answer", chunks: sampleReport, history }).options });
    expect(text).toContain("Revenue rose to $262 million");
    expect(parseCitations(text)[0]?.page).toBe(9);
  });
});

describe("offline model: what needs a language model", () => {
  it("answers a translation request with the setting that enables it", async () => {
    const prompt = buildDocumentPrompt({ task: "translate", targetLanguage: "German", chunks: sampleReport });
    const { text } = await generateText({ model, ...prompt.options });
    expect(text).toBe("Translation needs a language model. Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama) and restart FileForge.");
  });

  it("extracts only dates, amounts and email addresses, with pages, and says so", async () => {
    const { text } = await generateText({ model, ...buildDocumentPrompt({ task: "extract", chunks: sampleReport }).options });
    expect(text.startsWith(NEEDS_LANGUAGE_MODEL.extract)).toBe(true);
    expect(text).toContain("- 14 March 2023 [p. 7]");
    expect(text).toContain("- $18.4 million [p. 7]");
    expect(text).toContain("- reports@riversidewater.example [p. 10]");
  });
});
