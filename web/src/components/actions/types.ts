import type { Alert, Schedule } from '@turno/shared';

/** What the confirm sheet asks about: each kind says in plain words what will happen. */
export type ConfirmAction =
  | { kind: 'pause' | 'resume'; schedule: Schedule }
  | { kind: 'ack'; alert: Alert; cause: string }
  | { kind: 'resolve'; alert: Alert; cause: string };
