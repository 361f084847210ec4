import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, runbookSchedules } from './config.ts';

describe('loadConfig', () => {
  it('starts locally with the documented defaults', () => {
    const config = loadConfig({});

    expect(config.app.port).toBe(8787);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.app.databaseMode).toBe('embedded');
    expect(config.app.devSignIn).toBe(true);
    expect(config.app.devUsers).toEqual({
      operador: 'operator', observador: 'viewer', admin: 'admin',
    });
    expect(config.app.watchIntervalSeconds).toBe(15);
    expect(config.app.syncError.table).toBe('Sync_error');
    expect(config.app.syncError.functionColumn).toBe('function_name');
    expect(config.app.syncError.statementTimeoutMs).toBe(5000);
    expect(config.dataDir).toMatch(/\.turno-data$/);
  });

  it('manages the seven schedules the runbook names, in group default', () => {
    const config = loadConfig({});

    expect(config.app.managedSchedules).toEqual(runbookSchedules);
    expect(config.app.managedSchedules).toHaveLength(7);
    expect(config.app.managedSchedules).toContain('default/up_update_active_positions');
  });

  it('reads Sync_error from DATABASE_URL unless UP_DATABASE_URL is given', () => {
    const state = 'postgres://turno@db.internal:5432/turno';
    const up = 'postgres://reader@replica.internal:5432/up';

    expect(loadConfig({ DATABASE_URL: state }).upDatabaseUrl).toBe(state);
    expect(loadConfig({ DATABASE_URL: state, UP_DATABASE_URL: up }).upDatabaseUrl).toBe(up);
    expect(loadConfig({ DATABASE_URL: state }).app.databaseMode).toBe('server');
  });

  it('knows when Sync_error lives in Turno\'s own database, where drills may write rows', () => {
    const state = 'postgres://turno@db.internal:5432/turno';
    const up = 'postgres://reader@replica.internal:5432/up';
    const inState = (env: Record<string, string>) => loadConfig(env).app.syncError.inStateDatabase;

    expect(inState({})).toBe(true);
    expect(inState({ DATABASE_URL: state })).toBe(true);
    expect(inState({ DATABASE_URL: state, UP_DATABASE_URL: up })).toBe(false);
  });

  it('refuses to start when DEV_SIGN_IN is on under AWS Lambda', () => {
    const env = {
      AWS_LAMBDA_FUNCTION_NAME: 'turno-api', DEV_SIGN_IN: 'on',
      DATABASE_URL: 'postgres://turno@db.internal/turno',
    };

    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/DEV_SIGN_IN.*Lambda/);
  });

  it('turns dev sign-in off by default on Lambda', () => {
    const config = loadConfig({
      AWS_LAMBDA_FUNCTION_NAME: 'turno-api', DATABASE_URL: 'postgres://turno@db.internal/turno',
    });

    expect(config.app.onLambda).toBe(true);
    expect(config.app.devSignIn).toBe(false);
  });

  it('names the variable and the rule when a value is bad', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DEV_USERS: 'ana:boss' })).toThrow(/DEV_USERS.*ana:boss/);
    expect(() => loadConfig({ SYNC_ERROR_TABLE: 'x; drop table y' })).toThrow(/SYNC_ERROR_TABLE/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'me' })).toThrow(/VAPID_SUBJECT/);
    expect(() => loadConfig({ ALERT_RULES: '{"disk":{"threshold":1}}' })).toThrow(/ALERT_RULES/);
  });

  it('parses users, sources, managed schedules and per-cause alert rules', () => {
    const config = loadConfig({
      DEV_USERS: 'ana:admin, beto:viewer',
      DATA_SOURCES: '1:MIX,2:Guardian,3:Geotab',
      MANAGED_SCHEDULES: 'linde-mix-get-events, other/nightly',
      ALERT_RULES: '{"database-disk-full":{"threshold":1,"windowSeconds":60,"quietSeconds":900}}',
    });

    expect(config.app.devUsers).toEqual({ ana: 'admin', beto: 'viewer' });
    expect(config.app.dataSources[3]).toBe('Geotab');
    expect(config.app.managedSchedules).toEqual(['default/linde-mix-get-events', 'other/nightly']);
    expect(config.app.alertRules['database-disk-full']?.threshold).toBe(1);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).app.port).toBe(8787);
  });
});
