"use client";

import { type ReactNode } from "react";
import { parseCitations } from "@/shared/citations";
import type { ChatDocument, PreviewTarget } from "./chat-types";

type CiteProps = { documents: readonly ChatDocument[]; onCite: (target: PreviewTarget) => void };

/** The document a citation names; a bare "[p. 3]" means the only document of the chat. */
function resolveDocument(fileName: string | undefined, documents: readonly ChatDocument[]): ChatDocument | undefined {
  if (!fileName) return documents.length === 1 ? documents[0] : undefined;
  const wanted = fileName.toLowerCase();
  return documents.find((document) => document.name.toLowerCase() === wanted);
}

/** Text with every citation turned into a button that opens the cited page. */
function withCitations(text: string, { documents, onCite }: CiteProps, keyPrefix: string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  for (const [index, citation] of parseCitations(text).entries()) {
    if (citation.start > last) nodes.push(text.slice(last, citation.start));
    const document = resolveDocument(citation.fileName, documents);
    nodes.push(
      document ? (
        <button
          key={`${keyPrefix}-${index}`}
          type="button"
          onClick={() => onCite({ fileId: document.id, fileName: document.name, page: citation.page })}
          className="mx-0.5 inline rounded bg-primary/10 px-1 py-0.5 align-baseline text-xs font-medium text-primary outline-none hover:bg-primary/20 focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {/* The visible "[p. 3]" starts the accessible name, the rest says where it leads (WCAG 2.5.3: the name contains the label). */}
          {citation.raw}
          <span className="sr-only">{` Open page ${citation.page} of ${document.name}`}</span>
        </button>
      ) : (
        <span key={`${keyPrefix}-${index}`}>{citation.raw}</span>
      ),
    );
    last = citation.end;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

/**
 * An answer as paragraphs, quotes ("> ") and bullet lists ("- "), the forms
 * the models are asked to write; anything else stays plain text. No HTML
 * from the model is ever rendered.
 */
export function MessageText({ text, ...cite }: { text: string } & CiteProps) {
  const blocks = text.split(/\n\s*\n/).filter((block) => block.trim() !== "");
  return (
    <div className="grid gap-3 leading-relaxed">
      {blocks.map((block, index) => {
        const lines = block.split("\n");
        const key = `b${index}`;
        if (lines.every((line) => line.startsWith(">"))) {
          const quote = lines.map((line) => line.replace(/^>\s?/, "")).join("\n");
          return (
            <blockquote key={key} className="border-l-2 border-primary/40 pl-3 whitespace-pre-wrap">
              {withCitations(quote, cite, key)}
            </blockquote>
          );
        }
        if (lines.every((line) => /^\s*[-*•] /.test(line))) {
          return (
            <ul key={key} className="grid list-disc gap-1 pl-5">
              {lines.map((line, item) => (
                <li key={`${key}-${item}`}>{withCitations(line.replace(/^\s*[-*•] /, ""), cite, `${key}-${item}`)}</li>
              ))}
            </ul>
          );
        }
        return (
          <p key={key} className="whitespace-pre-wrap">
            {withCitations(block, cite, key)}
          </p>
        );
      })}
    </div>
  );
}
