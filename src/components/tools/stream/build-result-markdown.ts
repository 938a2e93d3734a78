import { outputName, withExtension } from "@/shared/output-names";

// The streamed result as the file a person downloads: the same Markdown the
// job writes (heading, notes as a quote, body), built in the browser from
// what is on screen, so Download needs no second model call.

export type ResultMarkdownInput = {
  /** "Summary" → "# Summary of report.pdf". */
  title: string;
  fileName: string;
  notes: readonly string[];
  text: string;
  /** Set when Stop ended the text early, so the file says it is incomplete. */
  stopped?: boolean;
};

export function buildResultMarkdown({ title, fileName, notes, text, stopped = false }: ResultMarkdownInput): string {
  const allNotes = stopped ? [...notes, "Stopped before the end: this text is incomplete."] : notes;
  const quote = allNotes.length > 0 ? `${allNotes.map((note) => `> ${note}`).join("\n>\n")}\n\n` : "";
  return `# ${title} of ${fileName}\n\n${quote}${text.trim()}\n`;
}

/**
 * "report.pdf" + "summary.md" → "report-summary.md", as the job names its
 * output: the stream's `extension` is "<what it is>.<extension>".
 */
export function resultFileName(fileName: string, extension: string): string {
  const dot = extension.indexOf(".");
  return dot > 0 ? outputName(fileName, extension.slice(0, dot), extension.slice(dot + 1)) : withExtension(fileName, extension);
}
