import { describe, expect, it } from 'vitest';
import { ultraMsgBodies as bodies } from './sandbox.ts';
import { statusFinding } from './ultramsg-probe.ts';
import { queueCount, queueGrowing, readUltraMsgStatus } from './ultramsg-status.ts';

describe('readUltraMsgStatus', () => {
  it('reads authenticated/connected as healthy, with no finding', () => {
    const state = readUltraMsgStatus({ status: 200, body: bodies.connected });
    expect(state).toEqual({ kind: 'healthy', status: 'authenticated', substatus: 'connected' });
    expect(statusFinding(state)).toBeNull();
  });

  it('reads qr as the phone logged out: card 1.1 with the pair and the QR flag', () => {
    const finding = statusFinding(readUltraMsgStatus({ status: 200, body: bodies.qr }));
    expect(finding).toEqual({
      category: 'whatsapp-logged-out', resources: ['ultramsg'],
      detail: { status: 'qr', substatus: 'normal', qr: true },
    });
  });

  it('reads the flat {"status":"qr"} form some clients meet as logged out too', () => {
    expect(readUltraMsgStatus({ status: 200, body: { status: 'qr' } }))
      .toEqual({ kind: 'logged-out', status: 'qr', substatus: null });
  });

  it('reads the non-payment error as unpaid: card 1.2', () => {
    const finding = statusFinding(readUltraMsgStatus({ status: 200, body: bodies.unpaid }));
    expect(finding).toMatchObject({ category: 'whatsapp-unpaid' });
    expect(finding?.detail?.error).toContain('Stopped due to non-payment');
  });

  it.each([
    ['a wrong token', { status: 200, body: bodies.wrongToken }, 'wrong-token'],
    ['an unknown instance', { status: 200, body: bodies.notFound }, 'instance-not-found'],
    ['a bare 404', { status: 404, body: '' }, 'instance-not-found'],
  ])('reads %s as a configuration alert', (_name, answer, reason) => {
    const finding = statusFinding(readUltraMsgStatus(answer));
    expect(finding).toMatchObject({
      category: 'whatsapp-config', detail: { reason },
    });
  });

  it.each([
    ['standby', 'normal'],
    ['loading', 'opening'],
    ['authenticated', 'offline'],
  ])('keeps any other pair (%s / %s) raw as unhealthy', (status, substatus) => {
    const body = { status: { accountStatus: { status, substatus } } };
    expect(statusFinding(readUltraMsgStatus({ status: 200, body }))).toEqual({
      category: 'whatsapp-unhealthy', resources: ['ultramsg'],
      detail: { status, substatus, error: null },
    });
  });

  it('keeps an error it does not know, even an array of field errors, as unhealthy', () => {
    const body = { error: [{ to: 'is required' }, { body: 'is required' }] };
    expect(readUltraMsgStatus({ status: 200, body })).toEqual({
      kind: 'unhealthy', status: null, substatus: null,
      error: '[{"to":"is required"},{"body":"is required"}]',
    });
  });

  it('throws on a server error or a body in no known shape: the probe failed to look', () => {
    expect(() => readUltraMsgStatus({ status: 502, body: '<html>Bad Gateway</html>' }))
      .toThrow(/answered 502/);
    expect(() => readUltraMsgStatus({ status: 200, body: { ok: true } }))
      .toThrow(/unknown shape/);
  });
});

describe('queueCount', () => {
  it('finds queue at the top level, one object down, or as a numeric string', () => {
    expect(queueCount({ sent: 3, queue: 7 })).toBe(7);
    expect(queueCount({ messages_statistics: { sent: 3, queue: 12 } })).toBe(12);
    expect(queueCount({ queue: '40' })).toBe(40);
  });

  it('says null when there is no queue counter, e.g. an error body', () => {
    expect(queueCount(bodies.unpaid)).toBeNull();
    expect(queueCount('not json')).toBeNull();
    expect(queueCount({ queue: -1 })).toBeNull();
  });
});

describe('queueGrowing', () => {
  it('sets no trend on the first look, however large the queue', () => {
    expect(queueGrowing(500, null, 20)).toBe(false);
    expect(queueGrowing(500, { queue: null, warning: false }, 20)).toBe(false);
  });

  it('warns when the queue is over the threshold and larger than last time', () => {
    expect(queueGrowing(30, { queue: 25, warning: false }, 20)).toBe(true);
    expect(queueGrowing(30, { queue: 30, warning: false }, 20)).toBe(false);
    expect(queueGrowing(18, { queue: 5, warning: false }, 20)).toBe(false);
  });

  it('keeps warning while a warned queue holds, and stops once it shrinks', () => {
    expect(queueGrowing(30, { queue: 30, warning: true }, 20)).toBe(true);
    expect(queueGrowing(29, { queue: 30, warning: true }, 20)).toBe(false);
  });
});
