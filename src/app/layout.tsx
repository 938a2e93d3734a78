import type { Metadata } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/server/http/site-origin";
import { getStorageMode } from "@/server/storage/storage-mode";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { TRPCReactProvider } from "@/trpc/react";
import { inter } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return {
    // Resolves the Open Graph image to an absolute URL (and silences Next's localhost fallback warning).
    metadataBase: siteOrigin(await headers()),
    title: { default: "FileForge — AI file tools", template: "%s · FileForge" },
    description: "Merge, split, compress and convert PDFs and images, extract text with OCR, and chat with your documents. Self-hostable.",
    // Files in public/ (scripts/generate-public-assets.ts renders them from favicon.svg); the manifest comes from app/manifest.ts.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "48x48" },
        { url: "/favicon.svg", type: "image/svg+xml" },
      ],
      apple: "/apple-touch-icon.png",
    },
    openGraph: {
      type: "website",
      siteName: "FileForge",
      images: [{ url: "/og-image.png", width: 1200, height: 630, alt: "FileForge — AI file tools" }],
    },
    // Tells the uploader whether browsers send files to /api/files or straight to UploadThing.
    other: { "fileforge-upload-target": getStorageMode().driver },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The CSP nonce src/proxy.ts made for this request; next-themes needs it for
  // its inline script. Reading it also renders every page per request, which
  // nonces require.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={nonce}>
          <TRPCReactProvider>
            <a
              href="#main"
              className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-primary focus:px-3 focus:py-2 focus:text-primary-foreground"
            >
              Skip to content
            </a>
            <div className="flex min-h-dvh flex-col">
              <SiteHeader />
              <main id="main" className="flex-1">
                {children}
              </main>
            </div>
            <Toaster />
          </TRPCReactProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
