import { describe, expect, it } from 'vitest';
import { createLogger, type LogSink } from './log.ts';

function recorder() {
  const lines: Array<Record<string, unknown>> = [];
  const sink: LogSink = (line) => lines.push(JSON.parse(line) as Record<string, unknown>);
  return { lines, sink };
}

describe('createLogger', () => {
  it('writes one JSON line with level, module, event and context', () => {
    const { lines, sink } = recorder();
    const log = createLogger({ sink, level: 'debug' }).child('http', { requestId: 'r-1' });

    log.info('request.done', { status: 200 });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info', module: 'http', event: 'request.done', requestId: 'r-1', status: 200,
    });
  });

  it('drops events below the configured level', () => {
    const { lines, sink } = recorder();
    const log = createLogger({ sink, level: 'warn' });

    log.debug('a');
    log.info('b');
    log.warn('c');

    expect(lines.map((line) => line.event)).toEqual(['c']);
  });

  it('never writes secrets, whether named fields or tokens inside text', () => {
    const { lines, sink } = recorder();
    const log = createLogger({ sink });

    log.warn('send.failed', {
      token: 'abc123', url: 'https://api.ultramsg.com/instance1/messages/chat?token=s3cr3tvalue',
    });

    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('abc123');
    expect(line).not.toContain('s3cr3tvalue');
  });

  it('masks a phone number given as a field of its own, keeping its last 4 digits', () => {
    const { lines, sink } = recorder();

    createLogger({ sink }).info('whatsapp.sent', { to: '+5215512345678', chatId: 'x' });

    expect(lines[0]).toMatchObject({ to: '•••••••5678', chatId: 'x' });
  });

  it('logs an error as its name and redacted message, never the object', () => {
    const { lines, sink } = recorder();
    const error = Object.assign(new Error('password=hunter22 rejected'), { config: { a: 1 } });

    createLogger({ sink }).error('job.failed', { error });

    expect(lines[0]).toMatchObject({ error: 'Error' });
    expect(JSON.stringify(lines[0])).not.toContain('hunter22');
    expect(lines[0]).not.toHaveProperty('config');
  });

  it('redacts secrets in nested objects and arrays, by name and inside text', () => {
    const { lines, sink } = recorder();
    const log = createLogger({ sink });

    log.warn('probe.request', {
      request: {
        headers: { 'X-Auth-Token': 'hdr-secret-1', Accept: 'json' },
        query: { accessToken: 'qry-secret-2' },
        urls: ['https://api.ultramsg.com/instance1/chat?token=url-secret-3'],
        body: { mixPassword: 'pwd-secret-4', status: 'qr' },
      },
      apiToken: 'top-secret-5',
    });

    const line = JSON.stringify(lines[0]);
    for (const secret of ['hdr-secret-1', 'qry-secret-2', 'url-secret-3', 'pwd-secret-4',
      'top-secret-5']) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      request: { headers: { Accept: 'json' }, body: { status: 'qr' } },
    });
  });

  it('hides a secret one field holds wherever another field repeats it', () => {
    const { lines, sink } = recorder();
    const error = new Error('provider said: Invalid token ZZSECRET9');

    createLogger({ sink }).warn('probe.refused', {
      request: { headers: { Authorization: 'Bearer ZZSECRET9' } },
      answer: { message: 'Invalid token ZZSECRET9' },
      error,
    });

    expect(JSON.stringify(lines[0])).not.toContain('ZZSECRET9');
    expect(lines[0]).toMatchObject({ answer: { message: 'Invalid token [redacted]' } });
  });

  it('writes a nested error as its fields, never the object', () => {
    const { lines, sink } = recorder();
    const error = Object.assign(new Error('token=abc123 refused'), { config: { a: 1 } });

    createLogger({ sink }).error('job.failed', { attempt: { n: 2, error } });

    expect(lines[0]).toMatchObject({
      attempt: { n: 2, error: { error: 'Error', message: 'token=[redacted] refused' } },
    });
    expect(JSON.stringify(lines[0])).not.toContain('config');
  });
});
