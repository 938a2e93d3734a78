// Page citations as they appear in answers, summaries and key points, shared by
// the offline model, the prompts for real models and the UI (which turns them
// into links).

export type Citation = { fileName?: string; page: number };

/** A citation found in text, with its position so the UI can replace it by a link. */
export type CitationMatch = Citation & { raw: string; start: number; end: number };

/** Square brackets inside a name would end the citation early, so they are dropped. */
function citationName(fileName: string): string {
  return fileName.replace(/[[\]\n\r]/g, "").trim();
}

/** `[p. 3]`, or `[report.pdf p. 3]` when the answer draws on more than one file. */
export function formatCitation(citation: Citation): string {
  const name = citation.fileName === undefined ? "" : citationName(citation.fileName);
  return name ? `[${name} p. ${citation.page}]` : `[p. ${citation.page}]`;
}

// Real models write small variations of the requested form, so a comma before
// "p." and "pp." / "page" are accepted too: [report.pdf, p. 3], [page 3], [pp. 3-4].
const CITATION = /\[(?:([^[\]\n]+?)(?:,\s*|\s+))?(?:pp?\.|page)\s?(\d{1,5})(?:\s?[-–]\s?\d{1,5})?\]/gi;

/** Every citation in `text`, in order. A range such as `[pp. 3-4]` cites its first page. */
export function parseCitations(text: string): CitationMatch[] {
  const matches: CitationMatch[] = [];
  for (const match of text.matchAll(CITATION)) {
    const page = Number(match[2]);
    if (!Number.isSafeInteger(page) || page < 1) continue;
    const fileName = match[1]?.trim();
    matches.push({
      ...(fileName ? { fileName } : {}),
      page,
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return matches;
}
