import type { Alert } from '@turno/shared';

/** An open alert a probe raised, with what it read. */
export function probeAlert(
  category: string, detail: Record<string, unknown>, resources: string[] = [],
  card: string | null = null,
): Alert {
  return {
    id: 'p-1', category, card, severity: 'high', state: 'open', count: 2, checks: 2,
    functions: [], sources: [], firstSeen: '2026-03-02T17:50:00.000Z',
    lastSeen: '2026-03-02T17:59:00.000Z', openedAt: '2026-03-02T17:50:00.000Z',
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, samples: [],
    key: `probe:x:${category}`, origin: 'probe', probe: 'x', detail, resources, reopened: 0,
    reopenedAt: null, reopenedAfterBy: null,
  };
}

/** The alert the watcher opens for a disk-full burst in Sync_error (card 4.1). */
export function diskFullAlert(): Alert {
  return {
    id: 'a-1', category: 'database-disk-full', card: '4.1', severity: 'critical', state: 'open',
    count: 15, checks: 0,
    functions: [
      { name: 'linde-mix-get-events', count: 6 },
      { name: 'linde-guardian-positions', count: 4 },
    ],
    sources: [{ name: 'MIX', count: 11 }, { name: 'Guardian', count: 4 }],
    firstSeen: '2026-03-02T17:54:00.000Z', lastSeen: '2026-03-02T17:59:00.000Z',
    openedAt: '2026-03-02T17:54:00.000Z',
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
    samples: ['could not extend file "base/16398/1160232.23": No space left on device'],
    key: 'database-disk-full', origin: 'sync-error', probe: null, detail: null,
    resources: [], reopened: 0, reopenedAt: null, reopenedAfterBy: null,
  };
}

/** A plain open 4.1 alert with no tallies or samples, for pages that only need one to exist. */
export function plainDiskFullAlert(id = 'a-1'): Alert {
  return {
    id, category: 'database-disk-full', card: '4.1', severity: 'critical',
    state: 'open', count: 3, functions: [], sources: [],
    firstSeen: '2026-12-03T19:00:00.000Z', lastSeen: '2026-12-03T19:30:00.000Z',
    openedAt: '2026-12-03T19:00:00.000Z', acknowledgedAt: null, acknowledgedBy: null,
    resolvedAt: null, resolvedBy: null, samples: [],
    key: 'database-disk-full', origin: 'sync-error', probe: null, detail: null,
    resources: [], reopened: 0, reopenedAt: null, reopenedAfterBy: null,
  };
}
