import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick, ref } from 'vue';
import { alertChecklistDays, forgetGuideProgress, useGuideProgress } from './useGuideProgress.ts';

const practice = () => useGuideProgress(() => '4.1');
const onAlert = (id: string) => useGuideProgress(() => '4.1', () => id);

function alertKeys(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith('turno.guide.alert.')).sort();
}

describe('useGuideProgress', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('starts an alert\'s checklist clean when the card was practised on Guías', () => {
    practice().toggle('4.1.1', true);

    expect(onAlert('a-1').done.value).toEqual([]);
    expect(practice().done.value).toEqual(['4.1.1']);
  });

  it('keeps an alert\'s ticks for that alert only, out of Guías and the next alert', () => {
    onAlert('a-1').toggle('4.1.2', true);

    expect(onAlert('a-1').done.value).toEqual(['4.1.2']);
    expect(onAlert('a-2').done.value).toEqual([]);
    expect(practice().done.value).toEqual([]);
  });

  it('reads the checklist of the alert now shown when the page moves to another', async () => {
    const shown = ref('a-1');
    const progress = useGuideProgress(() => '4.1', () => shown.value);
    progress.toggle('4.1.1', true);

    shown.value = 'a-2';
    await nextTick();

    expect(progress.done.value).toEqual([]);
  });

  it(`drops alert checklists untouched for over ${alertChecklistDays} days on the next tick`,
    () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-11-01T12:00:00Z'));
      onAlert('old').toggle('4.1.1', true);
      practice().toggle('4.1.1', true);
      vi.setSystemTime(new Date('2026-11-20T12:00:00Z'));
      onAlert('recent').toggle('4.1.1', true);

      // 31 days after the old one was ticked, 12 after the recent one.
      vi.setSystemTime(new Date('2026-12-02T12:00:00Z'));
      onAlert('new').toggle('4.1.3', true);

      expect(alertKeys()).toEqual(['turno.guide.alert.new.4.1', 'turno.guide.alert.recent.4.1']);
      expect(onAlert('old').done.value).toEqual([]);
      expect(onAlert('recent').done.value).toEqual(['4.1.1']);
      expect(practice().done.value).toEqual(['4.1.1']);
    });

  it('forgets practice and alert ticks alike, and nothing else kept on the phone', () => {
    practice().toggle('4.1.1', true);
    onAlert('a-1').toggle('4.1.2', true);
    localStorage.setItem('turno.locale', 'en');

    forgetGuideProgress();

    expect(practice().done.value).toEqual([]);
    expect(onAlert('a-1').done.value).toEqual([]);
    expect(localStorage.getItem('turno.locale')).toBe('en');
  });
});
