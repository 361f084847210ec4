import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webRoutes } from './web-static.ts';

describe('serving the built PWA', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function dist(): string {
    const dir = mkdtempSync(join(tmpdir(), 'turno-dist-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Turno</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("push", () => {});');
    writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), 'export const app = 1;');
    return dir;
  }

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    const app = webRoutes(dist());

    const asset = await app.request('/assets/index-3f9a1c.js');
    const worker = await app.request('/sw.js');

    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers app routes with index.html for the client-side router', async () => {
    const app = webRoutes(dist());

    const response = await app.request('/alertas/42');

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Turno</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('opens a card route with a dot in it when the browser asks for a page', async () => {
    const app = webRoutes(dist());

    const response = await app.request('/guias/4.1', { headers: { accept: 'text/html' } });

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Turno</title>');
  });

  it('answers 404 for a missing file and leaves /api paths alone', async () => {
    const app = webRoutes(dist());

    expect((await app.request('/assets/missing-1234.js')).status).toBe(404);
    expect((await app.request('/api/nothing')).status).toBe(404);
  });
});
