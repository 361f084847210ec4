import { cards } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainDiskFullAlert } from '../components/alerts/alert-fixture.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';
import GuidePage from './GuidePage.vue';

const steps = cards.find((card) => card.id === '4.1')!.steps.length;

/** Both alerts are on card 4.1: the same problem weeks apart. */
function serveAlerts(): void {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = new URL(input, 'http://turno.test').pathname;
    const alert = /^\/api\/alerts\/(a-\d)$/.exec(path)?.[1];
    if (alert) return Response.json(plainDiskFullAlert(alert));
    if (path === '/api/schedules') return Response.json([]);
    return Response.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 });
  }));
}

async function openAlert(id: string) {
  const { wrapper } = mountApp(AlertPage, { props: { id } });
  await flushPromises();
  return wrapper;
}

function openGuide() {
  return mountApp(GuidePage, { props: { card: '4.1' } }).wrapper;
}

const progress = '[data-testid="guide-progress"]';
const step = (id: string) => `[data-step="${id}"] input[type="checkbox"]`;

describe('AlertPage checklist', () => {
  beforeEach(() => {
    localStorage.clear();
    serveAlerts();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows no step ticked on an alert when the card was practised on Guías', async () => {
    const guide = openGuide();
    await guide.get(step('4.1.1')).setValue(true);
    await guide.get(step('4.1.2')).setValue(true);
    guide.unmount();

    const page = await openAlert('a-1');

    expect(page.get(progress).text()).toBe(`0 de ${steps} pasos hechos`);
    expect((page.get(step('4.1.1')).element as HTMLInputElement).checked).toBe(false);
    page.unmount();
  });

  it('keeps the ticks with their alert: a new alert on the card starts clean', async () => {
    const first = await openAlert('a-1');
    await first.get(step('4.1.1')).setValue(true);
    first.unmount();

    const next = await openAlert('a-2');
    expect(next.get(progress).text()).toBe(`0 de ${steps} pasos hechos`);
    next.unmount();
    const guide = openGuide();
    expect(guide.get(progress).text()).toBe(`0 de ${steps} pasos hechos`);
    guide.unmount();
    const again = await openAlert('a-1');
    expect(again.get(progress).text()).toBe(`1 de ${steps} pasos hechos`);
    again.unmount();
  });
});
