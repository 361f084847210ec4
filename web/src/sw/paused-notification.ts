/** A paused-reminder's schedules as its payload lists them. */
export interface PausedItem {
  name: string;
  since: string;
}

/** What Estado shows times in; the worker cannot import the app's composables. */
const timeZone = 'America/Mexico_City';
const maxItems = 10;

/** `pushPayloadSchema`'s `paused`, checked by hand like the rest of the payload. */
export function isPausedList(value: unknown): value is PausedItem[] | undefined {
  if (value === undefined) return true;
  return Array.isArray(value) && value.length <= maxItems && value.every((item: unknown) => {
    const p = item as Partial<Record<keyof PausedItem, unknown>> | null;
    return typeof p === 'object' && p !== null && typeof p.name === 'string'
      && p.name.length <= 64 && typeof p.since === 'string' && p.since.length <= 40;
  });
}

/**
 * "linde-mix-get-events desde 7 ene 2026, 12:00" for each schedule, in `lang` and Mexico
 * City time, joined into `body`'s `{schedules}`.
 */
export function pausedBody(
  paused: readonly PausedItem[], words: { body: string; item: string }, lang: string,
): string {
  const format = new Intl.DateTimeFormat(lang, {
    timeZone, dateStyle: 'medium', timeStyle: 'short',
  });
  const items = paused.map(({ name, since }) => {
    const date = new Date(since);
    const when = Number.isNaN(date.getTime()) ? since : format.format(date);
    return words.item.replace('{name}', name).replace('{date}', when);
  });
  return words.body.replace('{schedules}', items.join('; '));
}
