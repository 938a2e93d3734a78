import type { MetadataRoute } from "next";

// Served as /manifest.webmanifest (application/manifest+json); Next links it from every page.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "FileForge — AI file tools",
    short_name: "FileForge",
    description: "Merge, split, compress and convert PDFs and images, extract text with OCR, and chat with your documents.",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f39f6",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
