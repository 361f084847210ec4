import type { Drill } from '../probes/drills.ts';
import type { AppDeps } from '../types.ts';

/** A function the drill makes fail: one Sync_error row each time it runs. */
export interface FailingFunction {
  /** Null where the runbook names no function (email goes out from the app, not a schedule). */
  functionName: string | null;
  dataSourceId: number | null;
  everySeconds: number;
  /** It runs only while its schedule is enabled: pausing it, as the card says, stops the rows. */
  scheduled: boolean;
}

/**
 * A drill the watcher's Sync_error pass shows: while it is on, the sandbox's functions write
 * the rows the real failure would, into the sandbox's own Sync_error table (drill-rows.ts).
 */
export interface SyncErrorDrill extends Drill {
  functions: FailingFunction[];
  /** The row's json_data text; `since` is when the drill was turned on. */
  text(since: Date): string;
}

const minute = 60;
const hourMs = 3_600_000;
/** Writing rows needs the sandbox's Sync_error: never UP's, even beside the sandbox cloud. */
const available = (deps: AppDeps) => deps.config.syncError.inStateDatabase;
const everyMinute = (functionName: string, dataSourceId: number): FailingFunction => ({
  functionName, dataSourceId, everySeconds: minute, scheduled: true,
});
const mixFunctions = [
  'linde-mix-get-active-events', 'linde-mix-get-events', 'linde-mix-get-positions',
].map((name) => everyMinute(name, 1));

/** Drills whose failure reaches Turno only through Sync_error: Gmail sending, telematics. */
export const syncErrorDrills: SyncErrorDrill[] = [
  {
    name: 'gmail-saturated',
    probe: 'gmail-sending',
    title: { es: 'Gmail saturado', en: 'Gmail saturated' },
    description: {
      es: 'Cada envío de correo falla con "User-rate limit exceeded. Retry after …" dos horas '
        + 'después de encenderlo. Se abre la tarjeta 3.1 con la cuenta regresiva. Al apagarlo '
        + 'dejan de llegar errores y la alerta se cierra sola tras su tiempo sin errores.',
      en: 'Every email sent fails with "User-rate limit exceeded. Retry after …" two hours '
        + 'after it was turned on. Card 3.1 opens with the countdown. Turned off, the errors '
        + 'stop and the alert closes by itself after its quiet time.',
    },
    functions: [{ functionName: null, dataSourceId: null, everySeconds: 5 * minute,
      scheduled: false }],
    // Gmail's own words, two spaces included (integrations.md B.3).
    text: (since) => 'User-rate limit exceeded.  Retry after '
      + new Date(since.getTime() + 2 * hourMs).toISOString(),
    available,
  },
  {
    name: 'guardian-user-blocked',
    probe: null,
    title: { es: 'Guardian bloqueó el usuario', en: 'Guardian blocked the user' },
    description: {
      es: 'linde-guardian-positions recibe 403 (prohibido) de Guardian en cada ejecución. Se '
        + 'abre la tarjeta 2.1 para Guardian; pausar su programación detiene los errores.',
      en: 'linde-guardian-positions gets 403 (forbidden) from Guardian on every run. Card 2.1 '
        + 'opens for Guardian; pausing its schedule stops the errors.',
    },
    functions: [everyMinute('linde-guardian-positions', 2)],
    text: () => 'Request failed with status code 403',
    available,
  },
  {
    name: 'mix-password-changed',
    probe: null,
    title: { es: 'MiX rechaza la contraseña', en: 'MiX rejects the password' },
    description: {
      es: 'Las tres funciones de MiX reciben "invalid_grant" al pedir su token, en cada '
        + 'ejecución. Se abre la tarjeta 2.2 para MiX; pausar sus programaciones detiene los '
        + 'errores.',
      en: 'The three MiX functions get "invalid_grant" when they ask for their token, on every '
        + 'run. Card 2.2 opens for MiX; pausing their schedules stops the errors.',
    },
    functions: mixFunctions,
    // MiX's identity server refusing the password grant (integrations.md E.1).
    text: () => '{"error":"invalid_grant","error_description":"invalid_username_or_password"}',
    available,
  },
];
