import type { Metadata } from "next";
import { headers } from "next/headers";
import { getStorageMode } from "@/server/storage/storage-mode";
import { SiteHeader } from "@/components/layout/site-header";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/ui/sonner";
import { TRPCReactProvider } from "@/trpc/react";
import { inter } from "./fonts";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    title: { default: "FileForge — AI file tools", template: "%s · FileForge" },
    description: "Merge, split, compress and convert PDFs and images, extract text with OCR, and chat with your documents. Self-hostable.",
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
