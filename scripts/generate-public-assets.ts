// Renders the favicons, app icons and Open Graph image in public/ from
// public/favicon.svg. The outputs are committed; run this again only when the
// logo changes: `npx tsx scripts/generate-public-assets.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const publicDir = path.join(import.meta.dirname, "..", "public");
const logo = readFileSync(path.join(publicDir, "favicon.svg"));

function renderLogo(size: number): Promise<Buffer> {
  return sharp(logo, { density: Math.ceil((72 * size) / 64) }).resize(size, size).png().toBuffer();
}

/** An ICO holding PNG images (read by every browser since IE 11): a 6-byte header, a 16-byte entry per image, then the images. */
function packIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

// The Open Graph card: logo, name and what it does, in DejaVu Sans (installed
// with the system; nothing is downloaded).
function openGraphSvg(): string {
  const icon = logo.toString("utf8").replace("<svg ", '<svg x="96" y="180" width="160" height="160" ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#fafafa"/>
  <rect y="590" width="1200" height="40" fill="#4f39f6"/>
  ${icon}
  <text x="296" y="290" font-family="DejaVu Sans" font-weight="bold" font-size="104" fill="#18181b">FileForge</text>
  <text x="100" y="440" font-family="DejaVu Sans" font-size="36" fill="#3f3f46">Merge, split, compress and convert PDFs and images,</text>
  <text x="100" y="500" font-family="DejaVu Sans" font-size="36" fill="#3f3f46">OCR scans and chat with your documents.</text>
</svg>`;
}

async function main() {
  const write = (name: string, data: Buffer) => {
    writeFileSync(path.join(publicDir, name), data);
    console.log(`public/${name}: ${data.length} bytes`);
  };
  write("favicon.ico", packIco(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await renderLogo(size) })))));
  write("icon-192.png", await renderLogo(192));
  write("icon-512.png", await renderLogo(512));
  // iOS draws its own rounded corners; the square tile is what it expects.
  write("apple-touch-icon.png", await sharp(logo, { density: 300 }).resize(180, 180).flatten({ background: "#4f39f6" }).png().toBuffer());
  write("og-image.png", await sharp(Buffer.from(openGraphSvg())).png().toBuffer());
}

await main();
