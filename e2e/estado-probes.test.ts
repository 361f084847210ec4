import { probeSummarySchemas, type ProbeName, type ProbeStatus } from '@turno/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PhoneBrowser } from './support/browser.ts';
import { signInApi, type TurnoApi } from './support/turno-api.ts';
import { startTurno, type RunningTurno } from './support/turno-server.ts';

const poll = { timeout: 60_000, interval: 500 };

let turno: RunningTurno;
let phone: PhoneBrowser;
let api: TurnoApi;

beforeAll(async () => {
  turno = await startTurno();
  phone = await launchBrowser(turno.url);
  api = await signInApi(turno.url, 'operador');
});
afterAll(async () => {
  await phone?.close();
  await turno?.stop();
});

function known(name: string): name is ProbeName {
  return Object.hasOwn(probeSummarySchemas, name);
}

/** Every probe of the sandbox once it has run, each with what it last reported. */
async function ranProbes(): Promise<ProbeStatus[]> {
  let probes: ProbeStatus[] = [];
  await expect.poll(async () => {
    probes = (await api.status()).probes;
    return probes.length > 0 && probes.every((probe) => probe.lastRunAt !== null);
  }, poll).toBe(true);
  return probes;
}

describe('Estado\'s probes on a running Turno', () => {
  it('reports each probe\'s summary in exactly the shape Estado has words for', async () => {
    const probes = await ranProbes();

    expect(probes.map((probe) => probe.probe).filter((name) => !known(name))).toEqual([]);
    for (const probe of probes) {
      if (!known(probe.probe) || probe.summary === null) continue;
      const parsed = probeSummarySchemas[probe.probe].strict().safeParse(probe.summary);
      expect(parsed.error?.issues, `${probe.probe}: ${JSON.stringify(probe.summary)}`)
        .toBeUndefined();
    }
    expect(probes.filter((probe) => probe.summary !== null).length).toBeGreaterThan(4);
  });

  it('shows every probe\'s result on Estado in words, with no raw key or UTC time', async () => {
    const probes = await ranProbes();
    const page = await phone.newPage();
    await page.goto(`${turno.url}/entrar`);
    await page.getByTestId('sign-in-operador').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/entrar'));

    const rows = page.getByTestId('probe-row');
    await expect.poll(() => rows.count(), poll).toBe(probes.length);
    const names = await rows.locator('strong').allTextContents();
    const lines = (await page.getByTestId('probe-summary').locator('li').allTextContents())
      .map((line) => line.trim());

    expect(names.filter((name) => probes.some((probe) => probe.probe === name))).toEqual([]);
    expect(lines.length).toBeGreaterThan(10);
    // Without words a line reads "key: value", and every key starts in lower case.
    expect(lines.filter((line) => /^[a-z]|\d{4}-\d{2}-\d{2}T|:\d{2}Z/.test(line))).toEqual([]);
  });
});
