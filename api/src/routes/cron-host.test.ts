import { afterEach, describe, expect, it } from 'vitest';
import { cronCommandSchema, cronCommandStarted, type CronCommandView } from '@turno/shared';
import { createApp } from '../app.ts';
import type { CronHostPort } from '../cloud/cron-host.ts';
import { createSandboxCronHost } from '../cloud/sandbox-cron-host.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp(options: {
  daemonRunning?: boolean; cronHost?: CronHostPort; log?: ReturnType<typeof recordingLogger>;
} = {}) {
  let clock = Date.parse('2024-03-27T15:00:00Z');
  const now = () => new Date(clock);
  const sandbox = createSandboxCloud({ now });
  const inner = options.cronHost ?? createSandboxCronHost({
    now, ...(options.daemonRunning === undefined ? {} : { daemonRunning: options.daemonRunning }),
  });
  const sent: string[] = [];
  const cronHost: CronHostPort = {
    instanceId: inner.instanceId,
    async startCommand(kind, args) {
      sent.push(kind);
      return inner.startCommand(kind, args);
    },
    getCommand: (id) => inner.getCommand(id),
  };
  deps = await createTestDeps({
    cloud: { ...sandbox, cronHost }, ...(options.log ? { log: options.log } : {}),
  });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  const later = (ms: number) => { clock += ms; };
  return { deps, app, as, sent, later };
}

type App = Awaited<ReturnType<typeof setUp>>['app'];

function start(app: App, headers: Record<string, string>, body: unknown) {
  return app.request('/api/cron-host/commands', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function poll(app: App, headers: Record<string, string>, id: string) {
  const response = await app.request(`/api/cron-host/commands/${id}`, { headers });
  return { status: response.status, body: (await response.json()) as CronCommandView };
}

async function flushAudits(d: TestDeps) {
  const { rows } = await d.statePool.query<{
    before: { diskUsePercent: number } | null; after: Record<string, unknown> | null;
    outcome: string; detail: string; actor: string;
  }>(`SELECT before, after, outcome, detail, actor FROM turno.audit_log
       WHERE action = 'cron-host.pm2-flush' ORDER BY id`);
  return rows;
}

describe('POST /api/cron-host/commands', () => {
  it('lets a viewer list pm2 processes: an id at once, the list when done', async () => {
    const { app, as, later } = await setUp();
    const viewer = await as('observador');

    const response = await start(app, viewer, { kind: 'pm2-list' });
    expect(response.status).toBe(202);
    const { commandId } = cronCommandStarted.parse(await response.json());
    expect((await poll(app, viewer, commandId)).body.status).toBe('pending');
    later(5_000);
    const { status, body } = await poll(app, viewer, commandId);

    expect(status).toBe(200);
    const command = cronCommandSchema.parse(body);
    expect(command.status).toBe('success');
    expect(command.output?.kind === 'pm2-list' && command.output.processes.map((p) => p.name))
      .toEqual(['Linde-Ocurrences', 'Linde-Locations', 'Linde-External']);
  });

  it('refuses a flush to a viewer without sending anything or auditing', async () => {
    const { app, as, sent, deps: d } = await setUp();

    const response = await start(app, await as('observador'), { kind: 'pm2-flush' });

    expect(response.status).toBe(403);
    expect(sent).toEqual([]);
    expect(await flushAudits(d)).toEqual([]);
  });

  it('audits a flush at once and completes the row with disk use when it is polled', async () => {
    const { app, as, later, deps: d } = await setUp();
    const operator = await as('operador');

    const response = await start(app, { ...operator, 'idempotency-key': 'flush-1' },
      { kind: 'pm2-flush' });
    expect(response.status).toBe(202);
    const { commandId, audit } = cronCommandStarted.parse(await response.json());
    expect(audit?.detail).toBe(`ssm command ${commandId}: pending`);
    later(5_000);
    const { body } = await poll(app, operator, commandId);
    await poll(app, operator, commandId);

    expect(body.status).toBe('success');
    const output = body.output?.kind === 'pm2-flush' ? body.output : null;
    expect(output?.diskAfter?.usePercent).toBeLessThan(output?.diskBefore?.usePercent ?? 0);
    const [row, ...others] = await flushAudits(d);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      actor: 'operador', outcome: 'ok', detail: `ssm command ${commandId}: success`,
      before: { diskUsePercent: output?.diskBefore?.usePercent },
      after: { status: 'success', diskUsePercent: output?.diskAfter?.usePercent },
    });
  });

  it('sends one flush for a double tap with the same Idempotency-Key', async () => {
    const { app, as, sent, deps: d } = await setUp();
    const headers = { ...(await as('operador')), 'idempotency-key': 'tap-tap' };

    const [first, second] = await Promise.all([
      start(app, headers, { kind: 'pm2-flush' }), start(app, headers, { kind: 'pm2-flush' }),
    ]);

    const bodies = [await first.json(), await second.json()]
      .map((b) => cronCommandStarted.parse(b));
    expect(bodies[0]?.commandId).toBe(bodies[1]?.commandId);
    expect(bodies.map((b) => b.replayed).sort()).toEqual([false, true]);
    expect(sent).toEqual(['pm2-flush']);
    expect(await flushAudits(d)).toHaveLength(1);
  });

  it('answers a finished flush whose probes cannot be made due, and logs why', async () => {
    const log = recordingLogger();
    const { app, as, later, deps: d } = await setUp({ log });
    const operator = await as('operador');
    await d.statePool.query('ALTER TABLE turno.probe_runs RENAME TO probe_runs_gone');

    const started = await start(app, operator, { kind: 'pm2-flush' });
    const { commandId } = cronCommandStarted.parse(await started.json());
    later(5_000);
    const { status, body } = await poll(app, operator, commandId);

    expect(status).toBe(200);
    expect(body.status).toBe('success');
    expect((await flushAudits(d))[0]).toMatchObject({ outcome: 'ok' });
    expect(log.lines.filter((line) => line.event === 'pm2_flush.probe_not_due')
      .map((line) => line.context.probe)).toEqual(['cron-disk', 'pm2']);
  });

  it('records a failed flush when the pm2 daemon is not running', async () => {
    const { app, as, later, deps: d } = await setUp({ daemonRunning: false });
    const operator = await as('admin');

    const started = await start(app, operator, { kind: 'pm2-flush' });
    const { commandId } = cronCommandStarted.parse(await started.json());
    later(5_000);
    const { body } = await poll(app, operator, commandId);

    expect(body).toMatchObject({ status: 'failed' });
    expect(body.error).toMatch(/pm2 daemon of ssm-user is not running/);
    expect((await flushAudits(d))[0]).toMatchObject({ outcome: 'failed', before: null });
  });

  it.each([
    ['an unknown kind', { kind: 'reboot' }],
    ['a process name instead of an id', { kind: 'pm2-logs', process: 'Linde-External; id' }],
    ['a log request without a process', { kind: 'pm2-logs' }],
    ['a line count of zero', { kind: 'pm2-logs', process: 1, lines: 0 }],
    ['a line count too large', { kind: 'pm2-logs', process: 1, lines: 100_000 }],
    ['a body that is not JSON', '{kind:'],
  ])('answers 400 for %s and sends nothing', async (_name, body) => {
    const { app, as, sent } = await setUp();

    const response = await start(app, await as('operador'), body);

    expect(response.status).toBe(400);
    expect(sent).toEqual([]);
  });

  const notAnId = 'must be a pm2 process id (digits), not the process name';
  it.each([
    ['the process name', 'Linde-External', notAnId],
    ['a name with a shell command after it', 'Linde-External; id', notAnId],
    ['a negative id', -1, notAnId],
    ['an id of five digits', '12345', notAnId],
    ['no process', undefined, 'pm2-logs needs the process: a pm2 process id (digits)'],
  ])('answers 400 pm2_process_invalid, saying a pm2 id is wanted, for a log request with %s',
    async (_name, process, issue) => {
      const { app, as, sent } = await setUp();

      const response = await start(app, await as('observador'), { kind: 'pm2-logs', process });

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'pm2_process_invalid',
          message: 'The process must be its pm2 id (digits, as pm2 list shows), not its name.',
          details: { issues: [{ path: 'process', message: issue }] },
        },
      });
      expect(sent).toEqual([]);
    });

  it('answers 400 validation_failed, not pm2_process_invalid, for a bad line count', async () => {
    const { app, as } = await setUp();

    const response = await start(app, await as('observador'),
      { kind: 'pm2-logs', process: 2, lines: 0 });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('GET /api/cron-host/commands/:id', () => {
  it('answers 400 for an id that is not an SSM command id and 404 for an unknown one', async () => {
    const { app, as } = await setUp();
    const viewer = await as('observador');

    expect((await poll(app, viewer, 'not-an-id')).status).toBe(400);
    const unknown = await poll(app, viewer, '3f1c2a9e-7b4d-4e2f-9a1c-5d6e7f8a9b0c');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'cron_command_not_found' } });
  });

  it('redacts tokens in what a process log printed', async () => {
    const commandId = '3f1c2a9e-7b4d-4e2f-9a1c-5d6e7f8a9b0c';
    const cronHost: CronHostPort = {
      instanceId: 'i-0a1b2c3d4e5f60002',
      startCommand: async () => ({ commandId }),
      getCommand: async () => ({
        commandId, kind: 'pm2-logs', status: 'success',
        output: {
          kind: 'pm2-logs', text: 'GET /messages?token=s3cr3t-value&to=1\n', truncated: false,
        },
      }),
    };
    const { app, as } = await setUp({ cronHost });

    const { body } = await poll(app, await as('observador'), commandId);

    expect(body.output).toEqual({
      kind: 'pm2-logs', text: 'GET /messages?token=[redacted]&to=1\n', truncated: false,
    });
  });
});
