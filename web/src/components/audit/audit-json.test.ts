import type { AuditEntry } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { auditDetails } from './audit-json.ts';

const entry: AuditEntry = {
  id: '7', at: '2026-12-04T08:24:42.786Z', actor: 'operador', role: 'operator',
  action: 'drill.on', target: 'ec2-status-check-failed',
  before: { on: false, since: null }, after: { on: true, since: '2026-12-04T08:24:42.786Z' },
  outcome: 'ok', detail: 'start date 2026-01-05T18:00:00.000Z dropped: it had passed',
};

describe('auditDetails', () => {
  it('writes every instant, in a sentence too, as the page writes times', () => {
    const text = auditDetails(entry, (iso) => `<${iso.slice(0, 10)} MX>`);

    expect(JSON.parse(text)).toEqual({
      action: 'drill.on', target: 'ec2-status-check-failed',
      before: { on: false, since: null }, after: { on: true, since: '<2026-12-04 MX>' },
      detail: 'start date <2026-01-05 MX> dropped: it had passed',
    });
    expect(text).not.toMatch(/T\d{2}:\d{2}/);
  });
});
