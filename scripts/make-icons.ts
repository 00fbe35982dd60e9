// Writes the app's icons (public/icons/*.png, public/favicon.ico) from
// public/icons/icon.svg. Run after changing the SVG: npx tsx scripts/make-icons.ts
// Uses sharp, which Next.js installs for its image optimizer.
import sharp from "sharp";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const dir = path.join(__dirname, "..", "public");
const svg = readFileSync(path.join(dir, "icons", "icon.svg"));

async function png(size: number, padding = 0): Promise<Buffer> {
  const inner = await sharp(svg, { density: 384 }).resize(size - 2 * padding, size - 2 * padding).png().toBuffer();
  if (!padding) return inner;
  // Maskable icons keep their content inside the central 80 % safe zone.
  return sharp({ create: { width: size, height: size, channels: 4, background: "#1d4ed8" } })
    .composite([{ input: inner, left: padding, top: padding }])
    .png()
    .toBuffer();
}

/** An .ico holding one PNG image (allowed since Windows Vista; every browser reads it). */
function ico(pngData: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(pngData.length, 14);
  header.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([header, pngData]);
}

async function main() {
  writeFileSync(path.join(dir, "icons", "icon-192.png"), await png(192));
  writeFileSync(path.join(dir, "icons", "icon-512.png"), await png(512));
  writeFileSync(path.join(dir, "icons", "maskable-512.png"), await png(512, 52));
  writeFileSync(path.join(dir, "icons", "apple-touch-icon.png"), await png(180));
  writeFileSync(path.join(dir, "favicon.ico"), ico(await png(32), 32));
  console.log("[recall] icons written to public/icons and public/favicon.ico");
}

void main();
