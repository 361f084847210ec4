// Renders the app icons once with the system Chromium; the PNGs are committed under public/icons.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../public/icons/', import.meta.url));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

// scale < 1 keeps the glyph inside the maskable safe zone (a centred circle of 80 %).
function svg(size, { rounded, scale }) {
  const r = rounded ? size * 0.2 : 0;
  const s = (size * scale) / 512;
  const offset = (size - 512 * s) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <rect width="${size}" height="${size}" rx="${r}" fill="#0b3d5c"/>
  <g transform="translate(${offset} ${offset}) scale(${s})">
    <rect x="116" y="104" width="280" height="64" rx="16" fill="#ffffff"/>
    <rect x="224" y="104" width="64" height="300" rx="16" fill="#ffffff"/>
    <polyline points="96,330 176,330 206,270 246,400 290,300 316,330 416,330"
      fill="none" stroke="#ffb020" stroke-width="28" stroke-linecap="round"
      stroke-linejoin="round"/>
  </g>
</svg>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, rounded: true, scale: 1 },
  { file: 'icon-512.png', size: 512, rounded: true, scale: 1 },
  { file: 'icon-maskable-512.png', size: 512, rounded: false, scale: 0.72 },
];

const dir = mkdtempSync(join(tmpdir(), 'turno-icons-'));
try {
  for (const icon of icons) {
    const html = join(dir, `${icon.file}.html`);
    writeFileSync(html, `<!doctype html><html><body style="margin:0;background:transparent">
${svg(icon.size, icon)}</body></html>`);
    execFileSync(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
      '--default-background-color=00000000',
      `--screenshot=${join(out, icon.file)}`,
      `--window-size=${icon.size},${icon.size}`,
      `file://${html}`,
    ], { stdio: 'inherit' });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
