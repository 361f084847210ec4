import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { testConfig } from '../../testing/index.ts';
import { defaultInfraConfig } from './config.ts';
import { infraProbes } from './index.ts';

describe('infra probe configuration', () => {
  it('watches CPU at 80 % for 10 minutes, storage at 10 % or a day, disk at 85 %, all at 10 min',
    () => {
      expect(loadConfig({}).app.infra).toEqual({
        rds: {
          intervalSeconds: 60, cpuRedLinePercent: 80, cpuWindowSeconds: 600,
          storageLowPercent: 10, storageFillHours: 24,
        },
        allFunctions: { intervalSeconds: 60, windowSeconds: 600 },
        ec2: { intervalSeconds: 300 },
        cron: { intervalSeconds: 300, diskFullPercent: 85 },
      });
      expect(defaultInfraConfig()).toEqual(loadConfig({}).app.infra);
    });

  it('takes each threshold and interval from the environment', () => {
    const { infra } = loadConfig({
      RDS_CPU_RED_LINE_PERCENT: '70', RDS_CPU_WINDOW_S: '900', RDS_STORAGE_LOW_PERCENT: '15',
      RDS_STORAGE_FILL_HOURS: '48', CRON_DISK_FULL_PERCENT: '90', RDS_PROBE_INTERVAL_S: '120',
      EC2_PROBE_INTERVAL_S: '600', CRON_PROBE_INTERVAL_S: '900',
      ALL_FUNCTIONS_PROBE_INTERVAL_S: '120', ALL_FUNCTIONS_FAILING_WINDOW_S: '300',
    }).app;

    expect(infra).toEqual({
      rds: {
        intervalSeconds: 120, cpuRedLinePercent: 70, cpuWindowSeconds: 900,
        storageLowPercent: 15, storageFillHours: 48,
      },
      allFunctions: { intervalSeconds: 120, windowSeconds: 300 },
      ec2: { intervalSeconds: 600 },
      cron: { intervalSeconds: 900, diskFullPercent: 90 },
    });
  });

  it.each([
    ['RDS_CPU_RED_LINE_PERCENT', '120'],
    ['CRON_DISK_FULL_PERCENT', 'lots'],
    ['RDS_PROBE_INTERVAL_S', '5'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('gives each probe its configured interval', () => {
    const config = testConfig();
    config.infra = { ...config.infra, cron: { intervalSeconds: 900, diskFullPercent: 85 } };

    const probes = infraProbes({ config } as Parameters<typeof infraProbes>[0]);

    expect(probes.map((probe) => [probe.name, probe.intervalSeconds])).toEqual([
      ['rds', 60], ['ec2', 300], ['pm2', 900], ['cron-disk', 900], ['all-functions', 60],
    ]);
  });
});
