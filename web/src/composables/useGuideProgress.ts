import { computed, ref, watch } from 'vue';

const prefix = 'turno.guide.';
const alertPrefix = `${prefix}alert.`;
/** An alert's checklist not ticked for this long is dropped the next time any is saved. */
export const alertChecklistDays = 30;
const keepMs = alertChecklistDays * 86_400_000;

/** An alert's checklist, with when it was last saved so old incidents can be let go. */
interface AlertChecklist {
  steps: string[];
  savedAt: number;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function parse(text: string | null): unknown {
  try {
    return JSON.parse(text ?? 'null') as unknown;
  } catch {
    return null;
  }
}

/** Practice ticks are a bare list; an alert's are an `AlertChecklist`. */
function read(key: string): string[] {
  const value = parse(localStorage.getItem(key));
  return Array.isArray(value) ? strings(value) : strings((value as AlertChecklist | null)?.steps);
}

function storedKeys(): string[] {
  const keys: string[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** Drops alert checklists saved more than `alertChecklistDays` ago, or unreadable ones. */
function dropOldChecklists(now: number): void {
  for (const key of storedKeys().filter((stored) => stored.startsWith(alertPrefix))) {
    const savedAt = (parse(localStorage.getItem(key)) as Partial<AlertChecklist> | null)?.savedAt;
    if (typeof savedAt !== 'number' || now - savedAt > keepMs) localStorage.removeItem(key);
  }
}

/** Forgets every tick kept on this phone, practice and alerts alike (on sign-out). */
export function forgetGuideProgress(): void {
  for (const key of storedKeys()) localStorage.removeItem(key);
}

/**
 * Which steps of one card are ticked, kept on the device: on an alert's page that incident's
 * own checklist, elsewhere (`alertId` null) the card's practice ticks.
 */
export function useGuideProgress(
  cardId: () => string,
  alertId: () => string | null = () => null,
) {
  const alert = computed(alertId);
  const key = computed(() => (alert.value === null
    ? `${prefix}${cardId()}` : `${alertPrefix}${alert.value}.${cardId()}`));
  const done = ref<string[]>(read(key.value));

  watch(key, (next) => {
    done.value = read(next);
  });

  function save(): void {
    const now = Date.now();
    dropOldChecklists(now);
    const checklist: AlertChecklist = { steps: done.value, savedAt: now };
    localStorage.setItem(key.value, JSON.stringify(alert.value === null ? done.value : checklist));
  }

  function toggle(stepId: string, checked: boolean): void {
    const rest = done.value.filter((id) => id !== stepId);
    done.value = checked ? [...rest, stepId] : rest;
    save();
  }

  function reset(): void {
    done.value = [];
    localStorage.removeItem(key.value);
  }

  return { done, toggle, reset };
}
