import { ms, spread, table, verdict, type BenchSection } from './section.ts';

export interface FanOutRow {
  name: string;
  /** Milliseconds for each whole fan-out. */
  times: number[];
}

interface Setting {
  subscriptions: number;
  concurrency: number;
  rounds: number;
}

const targetMs = 1000;

/** The last row is the Turno sender, which carries the target. */
export function renderFanOut(rows: FanOutRow[], setting: Setting): BenchSection {
  const { subscriptions, concurrency, rounds } = setting;
  const median = (times: number[]) => spread(times).p50;
  const sender = rows.at(-1);
  const senderMax = sender ? spread(sender.times).max : Infinity;
  const passed = sender !== undefined && median(sender.times) <= targetMs;
  const count = subscriptions.toLocaleString('en');
  const body = `${count} subscriptions (fake browsers: a P-256 key pair and an auth secret
each) on the local HTTPS push service, which checks every VAPID token (ES256, audience,
expiry) and decrypts every aes128gcm body, in a Node process of its own as a real push service
is elsewhere (\`bench/push-service-process.ts\`). ${concurrency} pushes in flight (the sender's
default) over a keep-alive agent, as Node's global agent is in production; one unmeasured
round, then ${rounds}. The Turno sender signs one VAPID token per push service origin and
reuses it until an hour before its 12 h expiry (\`api/src/push/vapid-header.ts\`), and
records each delivery in the PostgreSQL subscription store (a pool of 8, as the runtime's)
as in production. It passes when its median round is within the target.

${table(['fan-out', 'median', 'max', 'per message (median)', 'target', 'result'], rows.map(
    (row, at) => {
      const last = at === rows.length - 1;
      return [
        row.name, ms(median(row.times), 0), ms(spread(row.times).max, 0),
        ms(median(row.times) / subscriptions, 2),
        last ? `≤ ${ms(targetMs, 0)} for ${count}` : '—',
        last ? verdict(passed) : 'for comparison',
      ];
    },
  ))}
`;
  return {
    title: `Push fan-out to ${count} subscriptions`,
    target: `≤ ${ms(targetMs, 0)} for ${count}`,
    measured: sender
      ? `median ${ms(median(sender.times), 0)}, max ${ms(senderMax, 0)}`
      : 'not measured',
    passed,
    body,
  };
}
