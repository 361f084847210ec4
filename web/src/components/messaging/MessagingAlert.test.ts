import type { Alert } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import MessagingAlert from './MessagingAlert.vue';
import { timeLeft } from './messaging-detail.ts';

function alert(category: string, detail: Record<string, unknown>, state = 'open'): Alert {
  return {
    id: 'a-1', category, card: null, severity: 'high', state: state as Alert['state'],
    count: 1, functions: [], sources: [], firstSeen: '2026-03-02T17:00:00.000Z',
    lastSeen: '2026-03-02T17:00:00.000Z', openedAt: '2026-03-02T17:00:00.000Z',
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
    samples: [], key: category, origin: 'probe', probe: null, detail, resources: [],
    reopened: 0,
    reopenedAt: null, reopenedAfterBy: null,
  };
}

const qrImage = 'data:image/png;base64,iVBORw0KGgo=';

function serveQr() {
  const calls: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    calls.push(new URL(input, 'http://turno.test').pathname);
    return Response.json({ image: qrImage, fetchedAt: '2026-03-02T18:00:00.000Z' });
  }));
  return calls;
}

describe('MessagingAlert', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-03-02T18:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('counts down to Gmail\'s retry time each second, then says sending can resume', async () => {
    const saturated = alert('gmail-saturated', {
      retryAt: '2026-03-02T18:02:05.000Z', basis: 'retry-after', since: '2026-03-02T17:00:00Z',
    });
    const { wrapper } = mountApp(MessagingAlert, { props: { alert: saturated, canAct: true } });

    const left = () => wrapper.find('[data-testid="gmail-countdown-left"]');
    expect(left().text()).toMatch(
      /^Faltan 2 min y 5 s\. Gmail debería aceptar correos de nuevo el 2 mar 2026, 12:02/,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(left().text()).toMatch(/^Faltan 1 min y 5 s/);
    await vi.advanceTimersByTimeAsync(65_000);
    expect(left().exists()).toBe(false);
    expect(wrapper.get('[data-testid="gmail-countdown-ready"]').text())
      .toMatch(/La espera terminó/);
  });

  it('explains a daily-quota wait as 24 h from the first error', () => {
    const saturated = alert('gmail-saturated', {
      retryAt: '2026-03-03T17:00:00.000Z', basis: 'daily-quota', since: '2026-03-02T17:00:00Z',
    });
    const { wrapper } = mountApp(MessagingAlert, { props: { alert: saturated, canAct: true } });

    expect(wrapper.text()).toMatch(/Faltan 23 h\./);
    expect(wrapper.text()).toMatch(/límite diario: 24 horas desde el primer error/);
  });

  it('shows the QR of a logged-out instance to an operator, fetched through Turno', async () => {
    const calls = serveQr();
    const detail = { status: 'qr', substatus: 'normal', qr: true };
    const loggedOut = alert('whatsapp-logged-out', detail);

    const { wrapper } = mountApp(MessagingAlert, { props: { alert: loggedOut, canAct: true } });
    await flushPromises();

    expect(calls).toEqual(['/api/whatsapp/qr']);
    expect(wrapper.get('[data-testid="whatsapp-qr"] img').attributes('src')).toBe(qrImage);
  });

  it('neither shows nor fetches the QR for a viewer, or once the alert is resolved', async () => {
    const calls = serveQr();
    const detail = { status: 'qr', substatus: 'normal', qr: true };

    const viewer = mountApp(MessagingAlert, {
      props: { alert: alert('whatsapp-logged-out', detail), canAct: false },
    }).wrapper;
    const resolved = mountApp(MessagingAlert, {
      props: { alert: alert('whatsapp-logged-out', detail, 'resolved'), canAct: true },
    }).wrapper;
    await flushPromises();

    expect(calls).toEqual([]);
    expect(viewer.text()).toMatch(/Solo un operador puede ver el código QR/);
    expect(resolved.find('[data-testid="alert-messaging"]').exists()).toBe(false);
  });

  it('shows an unexpected UltraMsg status as the raw pair', () => {
    const detail = { status: 'standby', substatus: 'normal', error: null };
    const odd = alert('whatsapp-unhealthy', detail);
    const { wrapper } = mountApp(MessagingAlert, { props: { alert: odd, canAct: true } });
    expect(wrapper.get('[data-testid="ultramsg-pair"]').text())
      .toBe('UltraMsg dice: standby / normal');
  });

  it('shows UltraMsg\'s own answer on the non-payment alert it opened', () => {
    const error = 'Your instance has been Stopped due to non-payment.';
    const unpaid = alert('whatsapp-unpaid', { error });

    const { wrapper } = mountApp(MessagingAlert, { props: { alert: unpaid, canAct: true } });

    expect(wrapper.get('[data-testid="ultramsg-error"]').text())
      .toBe(`Respuesta de UltraMsg: ${error}`);
  });

  it('says the OAuth app is probably in Testing when invalid_grant recurs weekly', () => {
    const weekly = alert('gmail-token', {
      error: 'invalid_grant', description: 'Token has been expired or revoked.',
      testingSuspected: true, daysApart: 7, previousAt: '2026-02-23T17:00:00Z',
    });
    const { wrapper } = mountApp(MessagingAlert, { props: { alert: weekly, canAct: true } });
    expect(wrapper.get('[data-testid="gmail-testing-hint"]').text())
      .toMatch(/cada 7 días: la app de OAuth probablemente sigue en modo "Testing"/);
  });
});

describe('timeLeft', () => {
  it('says hours and minutes, dropping empty units', () => {
    expect(timeLeft(3 * 3_600_000 + 5_000, 'en')).toBe('3 hr');
    expect(timeLeft(3 * 3_600_000 + 12 * 60_000, 'es-MX')).toBe('3 h y 12 min');
    expect(timeLeft(-5, 'en')).toBe('0 sec');
  });
});
