import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { launchBrowser, type PhoneBrowser } from './support/browser.ts';
import { brokenWords, lineCount } from './support/broken-words.ts';
import { insertDiskFullBurst } from './support/disk-full-burst.ts';
import { overflowing } from './support/overflowing.ts';
import { smallTargets } from './support/small-targets.ts';
import { signInApi, type TurnoApi } from './support/turno-api.ts';
import { startTurno, type RunningTurno } from './support/turno-server.ts';

const poll = { timeout: 60_000, interval: 250 };
// Each page, and what shows once its data is in (main's first element when nothing loads).
const pages: Array<[path: string, ready: string]> = [
  ['/', 'alert-item'], ['/programaciones', 'schedule-row'], ['/guias', 'guide-card'],
  ['/guias/4.1', 'guide-card'], ['/server-health', 'health-row'], ['/que-significa', ''],
  ['/infraestructura', 'instance-row'], ['/cron', 'cron-process'], ['/logs', 'logs-retention'],
  ['/auditoria', 'audit-row'], ['/ajustes', ''], ['/guardia', 'member'],
  ['/mantenimiento', 'maintenance-window'], ['/alertas/not-a-real-id', 'alert-missing'],
];
// The probe alerts a tester met worded as Sync_error ones, and the Sync_error one beside them.
const alertCategories = ['rds-storage-low', 'cron-disk-full', 'database-disk-full'];

let turno: RunningTurno;
let phone: PhoneBrowser;
let operator: TurnoApi;
let page: Page;

beforeAll(async () => {
  turno = await startTurno();
  phone = await launchBrowser(turno.url, { width: 360, height: 780 });
  operator = await signInApi(turno.url, 'operador');
  const admin = await signInApi(turno.url, 'admin');
  // A rotation, so Guardia shows its list with the move and remove buttons.
  await admin.setRotation({
    members: ['operador', 'admin'], handoffWeekday: 1, handoffHour: 9,
    repeatMinutes: 5, escalateAfter: 2,
  });
  // A running window and one not begun, so Mantenimiento shows both with their buttons.
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
  await admin.addMaintenance({
    startsAt: hours(-1), endsAt: hours(2), resources: ['gmail'], reason: 'Renovar el token',
  });
  await admin.addMaintenance({
    startsAt: hours(24), endsAt: hours(26), resources: ['ultramsg'], reason: 'Pago de UltraMsg',
  });
  await operator.setDrill('rds-storage-low', true);
  await operator.setDrill('cron-disk-full', true);
  await insertDiskFullBurst(turno.db);
  page = await phone.newPage();
  await page.goto(`${turno.url}/entrar`);
  await page.getByTestId('sign-in-admin').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/entrar'));
});
afterAll(async () => {
  await phone?.close();
  await turno?.stop();
});

/** Opens a page and waits until its data shows and nothing on it is still loading. */
async function open(path: string, ready = ''): Promise<void> {
  await page.goto(`${turno.url}${path}`);
  const shown = ready ? page.getByTestId(ready) : page.locator('main > *');
  await shown.first().waitFor({ timeout: poll.timeout });
  await expect.poll(() => page.getByText('Cargando…').count(), poll).toBe(0);
}

async function alertIds(): Promise<string[]> {
  let ids: string[] = [];
  await expect.poll(async () => {
    const open = await operator.openAlerts();
    ids = alertCategories.flatMap((category) =>
      open.filter((alert) => alert.category === category).map((alert) => alert.id));
    return ids.length;
  }, poll).toBe(alertCategories.length);
  return ids;
}

describe('every page on a 360 px phone', () => {
  const says = 'says Sandbox, fits %s to the screen, breaks no word and keeps every control 48 px';
  it.each(pages)(says, async (path, ready) => {
    onTestFailed(() => {
      process.stderr.write(`--- Turno server output ---\n${turno.output()}\n`);
    });

    await open(path, ready);

    const banner = page.getByTestId('sandbox-banner');
    await banner.waitFor({ timeout: poll.timeout });
    expect(await banner.textContent()).toContain('Sandbox');
    expect(await lineCount(banner.locator('span')), 'the banner stays one line').toBe(1);
    expect(await overflowing(page)).toEqual([]);
    expect(await brokenWords(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  });

  it('breaks no word on the alerts checks and Sync_error opened, nor their controls', async () => {
    for (const id of await alertIds()) {
      await open(`/alertas/${id}`, 'alert-card-number');

      expect(await overflowing(page), id).toEqual([]);
      expect(await brokenWords(page), id).toEqual([]);
      expect(await smallTargets(page), id).toEqual([]);
    }
  });

  it.each([
    ['Terminar ahora', 'active', '¿Terminar ahora la ventana «Renovar el token»?'],
    ['Eliminar', 'scheduled', '¿Eliminar la ventana «Pago de UltraMsg»?'],
  ])(
    'asks on "%s" in a sheet that fits the screen, and "Cancelar" keeps the window',
    async (label, state, question) => {
      await open('/mantenimiento', 'maintenance-window');
      const row = page.locator(`[data-testid="maintenance-window"][data-state="${state}"]`);

      await row.getByRole('button', { name: label }).click();
      const sheet = page.getByTestId('maintenance-end-sheet');
      await sheet.waitFor({ timeout: poll.timeout });

      expect(await sheet.getByRole('heading').textContent()).toBe(question);
      expect(await overflowing(page)).toEqual([]);
      expect(await brokenWords(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await sheet.getByRole('button', { name: 'Cancelar' }).click();
      await sheet.waitFor({ state: 'detached', timeout: poll.timeout });
      expect(await row.count()).toBe(1);
    },
  );

  it('keeps a database\'s type and free storage on one line each', async () => {
    await open('/infraestructura', 'database-row');
    const primary = page.locator('[data-testid="database-row"][data-database="flotas-develop"]');

    expect(await lineCount(primary.getByTestId('database-class'))).toBe(1);
    expect(await lineCount(primary.getByTestId('database-free'))).toBe(1);
  });

  it('counts a probe alert\'s checks, not errors, and leaves out empty tallies', async () => {
    const [storageLow] = await alertIds();

    await open(`/alertas/${storageLow}`, 'alert-infra-line');

    const counts = page.getByTestId('alert-counts');
    expect(await counts.textContent()).toMatch(/revisi(ón|ones) automáticas?/);
    expect(await page.getByTestId('alert-functions').count()).toBe(0);
    expect(await page.getByTestId('alert-infra-line').first().textContent())
      .toMatch(/^flotas-develop — libre: \d+ GiB de \d+ GiB/);
  });
});
