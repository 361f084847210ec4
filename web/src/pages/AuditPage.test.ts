import type { AuditEntry } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es-MX.json';
import type { Locale } from '../stores/settings.ts';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import AuditPage from './AuditPage.vue';

/** `count` rows, newest (highest id) first, as the API answers them. */
function auditLog(count: number): AuditEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(count - i), at: new Date(Date.UTC(2026, 11, 4) - i * 60_000).toISOString(),
    actor: 'operador', role: 'operator', action: 'schedule.pause',
    target: `default/function-${count - i}`, before: null, after: null, outcome: 'ok', detail: null,
  }));
}

/** Answers `/api/audit?before=&limit=` from `log` as the API does; `failAfter` fails a page. */
function fakeApi(log: AuditEntry[], failAfter = Infinity) {
  const urls: string[] = [];
  const fetcher = vi.fn(async (url: string) => {
    urls.push(url);
    if (urls.length > failAfter) {
      return Response.json(
        { error: { code: 'database_unavailable', message: 'x' } }, { status: 503 },
      );
    }
    const query = new URL(url, 'http://turno.test').searchParams;
    const before = query.get('before');
    const start = before === null ? 0 : log.findIndex((entry) => entry.id === before) + 1;
    return Response.json(log.slice(start, start + Number(query.get('limit') ?? 100)));
  });
  return { fetcher, urls };
}

async function mountWith(log: AuditEntry[], failAfter?: number, locale: Locale = 'es-MX') {
  const api = fakeApi(log, failAfter);
  vi.stubGlobal('fetch', api.fetcher);
  const { wrapper, pinia } = mountApp(AuditPage, {}, locale);
  useSessionStore(pinia).start({
    token: 't', role: 'viewer', user: 'observador',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await flushPromises();
  return { wrapper, ...api };
}

/** The function each shown row names, top to bottom. */
const shown = (wrapper: Awaited<ReturnType<typeof mountWith>>['wrapper']) =>
  wrapper.findAll('[data-testid="audit-target"]').map((row) => row.text());

describe('AuditPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('appends the next, older page before the last row, then hides the button', async () => {
    const log = auditLog(130);
    const { wrapper, urls } = await mountWith(log);
    const more = () => wrapper.find('[data-testid="audit-more"]');

    expect(shown(wrapper)).toHaveLength(100);
    expect(more().text()).toBe(es.audit.more);
    await more().trigger('click');
    await flushPromises();

    expect(urls.at(-1)).toBe('/api/audit?before=31&limit=100');
    expect(shown(wrapper))
      .toEqual(log.map((entry) => expect.stringMatching(new RegExp(`function-${entry.id}$`))));
    expect(more().exists()).toBe(false);
  });

  it('asks for one page and offers no more when that page is the whole log', async () => {
    const { wrapper, urls } = await mountWith(auditLog(3));

    expect(urls).toEqual(['/api/audit?limit=100']);
    expect(wrapper.findAll('[data-testid="audit-row"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="audit-more"]').exists()).toBe(false);
  });

  it('says why the next page failed and keeps the rows and the button', async () => {
    const { wrapper } = await mountWith(auditLog(250), 1, 'en');

    await wrapper.get('[data-testid="audit-more"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toBe(en.errors.database_unavailable);
    expect(wrapper.findAll('[data-testid="audit-row"]')).toHaveLength(100);
    expect(wrapper.get('[data-testid="audit-more"]').text()).toBe(en.audit.more);
  });
});
