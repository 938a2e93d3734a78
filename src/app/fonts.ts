import localFont from "next/font/local";

/**
 * Inter variable (latin subset, weight axis 100–900), served from the
 * @fontsource-variable package so builds work offline. The path is relative
 * to this file. Put `inter.variable` on <html>; globals.css maps it to
 * `--font-sans`.
 */
export const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  variable: "--font-inter",
  display: "swap",
});
