import { formatBytes, formatSizeChange } from "@/shared/format-bytes";

export type SizeComparison = { before: string; after: string; change: string | null };

const sum = (files: readonly { size: number }[]) => files.reduce((total, file) => total + file.size, 0);

// "image/png" → "image", "application/pdf" → "pdf": outputs of the same family
// as the inputs (a smaller PDF, a WebP from a PNG) are worth comparing by size.
function family(mimeType: string): string {
  return mimeType.startsWith("image/") ? "image" : mimeType;
}

/**
 * Before and after, in the one size format, or null when the comparison would
 * mean nothing: a 2 MB PDF summarised into 3 KB of Markdown is not "−99%".
 */
export function compareSizes(
  inputs: readonly { size: number; mimeType: string }[],
  outputs: readonly { size: number; mimeType: string }[],
): SizeComparison | null {
  if (inputs.length === 0 || outputs.length === 0) return null;
  const families = new Set([...inputs, ...outputs].map((file) => family(file.mimeType)));
  if (families.size !== 1) return null;
  const before = sum(inputs);
  const after = sum(outputs);
  return { before: formatBytes(before), after: formatBytes(after), change: formatSizeChange(before, after) };
}
