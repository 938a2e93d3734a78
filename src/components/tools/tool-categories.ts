import { FileImage, FileText, type LucideIcon, MessageSquareText, ScanText } from "lucide-react";
import type { ToolInfo } from "./tool-types";

type Category = ToolInfo["category"];

/** How the home grid and tool pages name each category, in display order. */
export const TOOL_CATEGORIES: readonly { id: Category; title: string; description: string; icon: LucideIcon }[] = [
  { id: "pdf", title: "PDF", description: "Merge, split, rotate, compress and organize PDFs.", icon: FileText },
  { id: "image", title: "Images", description: "Convert, resize, compress and clean images.", icon: FileImage },
  { id: "text", title: "Text & OCR", description: "Pull text out of PDFs and scans.", icon: ScanText },
  { id: "ai", title: "AI", description: "Summarize, extract, translate and chat with documents.", icon: MessageSquareText },
];

export function categoryOf(id: Category) {
  return TOOL_CATEGORIES.find((category) => category.id === id) ?? { id, title: id, description: "", icon: FileText };
}
