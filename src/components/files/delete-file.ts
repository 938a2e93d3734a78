/** DELETE /api/files/:id. A file that is already gone (404) counts as deleted. */
export async function deleteFile(id: string): Promise<void> {
  const response = await fetch(`/api/files/${encodeURIComponent(id)}`, { method: "DELETE" });
  if (response.ok || response.status === 404) return;
  throw new Error(`Could not delete the file (HTTP ${response.status}).`);
}
