/** Where this deployment's browsers upload to, as the root layout announces it. */
export function readUploadTarget(): "local" | "uploadthing" {
  const meta = document.querySelector('meta[name="fileforge-upload-target"]');
  return meta?.getAttribute("content") === "uploadthing" ? "uploadthing" : "local";
}
