const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * "2 uploads and 3 results", "1 upload", "4 results": what "Delete now" will
 * remove, counting results apart from uploads since people think of them apart.
 */
export function describeFileCounts(uploads: number, results: number): string {
  if (results === 0) return counted(uploads, "upload");
  if (uploads === 0) return counted(results, "result");
  return `${counted(uploads, "upload")} and ${counted(results, "result")}`;
}

/** Uploads and results among files that say which job (if any) made them. */
export function countUploadsAndResults(files: Iterable<{ jobId: string | null }>): { uploads: number; results: number } {
  let uploads = 0;
  let results = 0;
  for (const file of files) {
    if (file.jobId) results += 1;
    else uploads += 1;
  }
  return { uploads, results };
}
