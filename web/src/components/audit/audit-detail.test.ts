import { describe, expect, it } from 'vitest';
import { parseAuditDetail } from './audit-detail.ts';

describe('parseAuditDetail', () => {
  it.each([
    ['already in that state', { kind: 'message', key: 'audit.detail.unchanged', params: {} }],
    [
      'start date 2026-01-05T18:00:00.000Z dropped: it had passed',
      {
        kind: 'message', key: 'audit.detail.startDateDropped',
        params: { date: '2026-01-05T18:00:00.000Z' },
      },
    ],
    [
      'ssm command 0b6e5b1c-1d1a-4a53-9e4e-0e0f6e2f7a10: pending',
      { kind: 'message', key: 'audit.command.pending', params: {} },
    ],
    [
      'ssm command 0b6e5b1c: failed (pm2: command not found)',
      { kind: 'message', key: 'audit.command.failed', params: {} },
    ],
    ['schedule_changed_meanwhile', { kind: 'code', code: 'schedule_changed_meanwhile' }],
    ['Rate exceeded', { kind: 'text', text: 'Rate exceeded' }],
  ])('reads %j', (detail, expected) => {
    expect(parseAuditDetail(detail)).toEqual(expected);
  });
});
