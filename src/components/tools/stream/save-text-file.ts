/** Saves text as a file through the browser's download, from memory (no server round trip). */
export function saveTextFile(fileName: string, text: string, type = "text/markdown"): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has taken the bytes by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
