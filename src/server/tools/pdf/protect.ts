import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { ToolInputError } from "../tool-error";
import { defineTool } from "../types";
import { editEachPdf } from "./edit-each-pdf";
import { MAX_PDF_INPUT_BYTES, MAX_PDF_PAGES } from "./save-pdf";

// mupdf takes passwords inside its comma-separated save options, with no way to
// escape a comma; AES-256 uses at most 127 bytes of a password.
const password = (what: string) =>
  z
    .string()
    .max(127, "Keep the password under 128 characters")
    .refine((value) => !value.includes(","), "Passwords can't contain a comma here; choose one without")
    .default("")
    .describe(what);

const protectOptions = z.object({
  password: password("The password needed to open the PDF."),
  ownerPassword: password(
    "Optional: a second password that lifts the limits below. Left empty, it is the same password, or a random one when you set limits (so they hold).",
  ),
  allowPrinting: z.boolean().default(true).describe("Let people who open the file print it."),
  allowCopying: z.boolean().default(true).describe("Let people who open the file copy its text and images."),
  allowEditing: z.boolean().default(true).describe("Let people who open the file change it, add notes and fill in forms."),
});
type ProtectOptions = z.output<typeof protectOptions>;

// PDF permission bits (ISO 32000 table 22), numbered from 1.
const bit = (n: number) => 2 ** (n - 1);
const PRINT = bit(3) | bit(12); // print, and print at full quality
const COPY = bit(5);
const EDIT = bit(4) | bit(6) | bit(9) | bit(11); // modify, annotate, fill forms, assemble pages
// Bits 7–8 and 13–32 must be set, bits 1–2 clear; screen readers (bit 10) are always allowed.
const BASE = -4096 | bit(7) | bit(8) | bit(10);

export const protectPdfTool = defineTool({
  id: "pdf.protect",
  title: "Protect PDF",
  description: "Lock PDFs with a password (AES-256), optionally limiting printing, copying and editing.",
  category: "pdf",
  accepts: ["application/pdf"],
  minFiles: 1,
  maxFiles: 20,
  options: protectOptions,
  limits: { maxInputBytes: MAX_PDF_INPUT_BYTES, maxPages: MAX_PDF_PAGES },
  run: ({ inputs, options, progress, signal }) => {
    if (options.password === "") throw new ToolInputError("Choose a password to protect the PDF with.");
    return editEachPdf({
      inputs,
      progress,
      signal,
      verb: "Protecting",
      suffix: "protected",
      saveOptions: saveOptions(options),
      edit: () => `Protected with AES-256${limits(options)}`,
    });
  },
});

function saveOptions(options: ProtectOptions): string {
  const permissions = BASE | (options.allowPrinting ? PRINT : 0) | (options.allowCopying ? COPY : 0) | (options.allowEditing ? EDIT : 0);
  // Whoever opens a file with the owner password may do anything, so limits with the
  // same password for both would be empty words: a random owner password keeps them.
  const limited = !options.allowPrinting || !options.allowCopying || !options.allowEditing;
  const owner = options.ownerPassword || (limited ? randomBytes(16).toString("hex") : options.password);
  return `compress,encrypt=aes-256,user-password=${options.password},owner-password=${owner},permissions=${permissions}`;
}

function limits(options: ProtectOptions): string {
  const denied = [!options.allowPrinting && "printing", !options.allowCopying && "copying", !options.allowEditing && "editing"].filter(Boolean);
  return denied.length === 0 ? "" : `; ${denied.join(", ")} not allowed`;
}
