import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../alerts/alert-store.ts';
import { loadConfig } from '../config.ts';
import { recordingLogger, type LogLine } from '../push/testing/recording-logger.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { runWatcherOnce } from '../watcher/run.ts';

const hour = 3_600_000;

describe('the watcher and its probes on the embedded database', () => {
  let runtime: Runtime | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await runtime?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    runtime = undefined;
    dir = undefined;
  });

  it('runs every probe several times without one failing or a probe-failed alert', async () => {
    dir = mkdtempSync(join(tmpdir(), 'turno-embedded-watch-'));
    const lines: LogLine[] = [];
    runtime = await createRuntime(loadConfig({ TURNO_DATA_DIR: dir }), recordingLogger(lines));
    const clock = { now: new Date() };
    const deps = { ...runtime.deps, now: () => clock.now };

    const reports = [];
    for (let run = 0; run < 3; run += 1) {
      reports.push(await runWatcherOnce(deps));
      clock.now = new Date(clock.now.getTime() + hour);
    }
    const alerts = await listAlerts(deps.statePool, deps.config.dataSources);

    expect(reports.every((report) => report.ran)).toBe(true);
    expect(reports.map((report) => report.probes?.ran.length ?? 0).every((n) => n > 0))
      .toBe(true);
    expect(reports.flatMap((report) => report.probes?.failed ?? [])).toEqual([]);
    expect(lines.filter((line) => line.level === 'error' || line.event === 'probe.failed'))
      .toEqual([]);
    expect(alerts.filter((alert) => alert.category === 'probe-failed')).toEqual([]);
  });
});
