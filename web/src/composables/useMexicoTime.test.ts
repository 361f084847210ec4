import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromMexicoInput, hourLabel, toMexicoInput } from './useMexicoTime.ts';

// The phone's own zone: Node reads TZ again whenever it changes.
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Mexico City inputs on a phone in another zone', () => {
  it.each(['America/Los_Angeles', 'Europe/Madrid', 'UTC'])(
    'reads 2:30 on the night Los Angeles springs forward as Mexico’s 2:30 (phone in %s)',
    (zone) => {
      vi.stubEnv('TZ', zone);

      // 2026-03-08 02:30 does not exist in Los Angeles; it does in Mexico City (UTC−6).
      expect(fromMexicoInput('2026-03-08T02:30')).toBe('2026-03-08T08:30:00.000Z');
      expect(fromMexicoInput('2026-03-09T09:00')).toBe('2026-03-09T15:00:00.000Z');
    },
  );

  it('writes an instant of the hour Los Angeles repeats as Mexico City time', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');

    // 1:30 happens twice in Los Angeles on 2026-11-01; these are the two of them.
    expect(new Date('2026-11-01T08:30:00Z').getTimezoneOffset()).toBe(420);
    expect(new Date('2026-11-01T09:30:00Z').getTimezoneOffset()).toBe(480);
    expect(toMexicoInput('2026-11-01T08:30:00Z')).toBe('2026-11-01T02:30');
    expect(toMexicoInput('2026-11-01T09:30:00Z')).toBe('2026-11-01T03:30');
    expect(toMexicoInput(new Date('2026-11-01T09:30:00Z'))).toBe('2026-11-01T03:30');
  });

  it('round-trips a value through both ways', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');

    expect(toMexicoInput(fromMexicoInput('2026-03-08T02:30') ?? '')).toBe('2026-03-08T02:30');
  });

  it('gives null for an empty or broken value', () => {
    expect(fromMexicoInput('')).toBeNull();
    expect(fromMexicoInput('2026-02-30T10:00')).toBeNull();
  });

  it('labels whole hours', () => {
    expect([0, 7, 22].map(hourLabel)).toEqual(['00:00', '07:00', '22:00']);
  });
});
