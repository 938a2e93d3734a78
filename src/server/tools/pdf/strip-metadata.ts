import "server-only";
import { z } from "zod";
import { definePdfEditTool } from "./define-pdf-edit-tool";
import type { mupdf } from "./mupdf-runtime";
import { SAVE_DROPPING_UNUSED } from "./save-pdf";

// Document-information keys in the order a person would expect them listed.
const INFO_KEYS = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate", "Trapped"];
// Per-object extras that carry who/what/when: XMP packets and application private data.
const OBJECT_KEYS = ["Metadata", "PieceInfo"];

export const stripMetadataPdfTool = definePdfEditTool({
  id: "pdf.strip-metadata",
  title: "Remove PDF metadata",
  description: "Remove the hidden title, author, software and date details (document info and XMP) from PDFs.",
  maxFiles: 20,
  options: z.object({}),
  verb: "Cleaning",
  suffix: "clean",
  // The removed objects must leave the file, not just lose their references.
  saveOptions: SAVE_DROPPING_UNUSED,
  edit: ({ doc, onPage }) => {
    onPage(0);
    const removed = removeInfo(doc);
    const xmp = removeObjectMetadata(doc, onPage);
    if (xmp > 0) removed.push(xmp === 1 ? "XMP metadata" : `XMP metadata (${xmp} packets)`);
    return removed.length === 0 ? "No metadata found" : `Removed ${listInWords(removed)}`;
  },
});

function removeInfo(doc: mupdf.PDFDocument): string[] {
  const trailer = doc.getTrailer();
  const info = trailer.get("Info");
  const found: string[] = [];
  if (info.isDictionary()) {
    info.forEach((_value, key) => {
      const name = String(key);
      found.push(INFO_KEYS.includes(name) ? name : `${name} (custom)`);
    });
    found.sort((a, b) => rank(a) - rank(b));
  }
  trailer.delete("Info");
  return found;
}

const rank = (key: string) => (INFO_KEYS.includes(key) ? INFO_KEYS.indexOf(key) : INFO_KEYS.length);

/**
 * XMP sits on the catalog and, in files from layout programs, on pages, images and
 * fonts too. Every object is visited (its dictionary only: no stream is read);
 * the packets themselves go when the file is saved without unused objects.
 */
function removeObjectMetadata(doc: mupdf.PDFDocument, onPage: (index: number) => void): number {
  let packets = 0;
  const count = doc.countObjects();
  for (let number = 1; number < count; number += 1) {
    if (number % 1000 === 0) onPage(0);
    const object = doc.newIndirect(number).resolve();
    if (!object.isDictionary()) continue;
    for (const key of OBJECT_KEYS) {
      if (object.get(key).isNull()) continue;
      if (key === "Metadata") packets += 1;
      object.delete(key);
    }
  }
  return packets;
}

function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
