import {
  isSecretName, maskedPhoneField, redact, redactValue, secretsIn,
} from '@turno/shared';
import type { LogContext, Logger } from './types.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type EventLevel = Exclude<LogLevel, 'silent'>;

/** Receives each finished JSON line; the default writes info and below to stdout. */
export type LogSink = (line: string, level: EventLevel) => void;

export interface LoggerOptions {
  level?: LogLevel;
  sink?: LogSink;
  module?: string;
  context?: LogContext;
  now?: () => Date;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// A push subscription's keys are not for logs either, though p256dh names no secret word.
const PUSH_KEY = 'p256dh';

const stdSink: LogSink = (line, level) => {
  const stream = level === 'warn' || level === 'error' ? process.stderr : process.stdout;
  stream.write(`${line}\n`);
};

/** One JSON line per event: time, level, module, event and context (secrets dropped). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = rank[options.level ?? 'info'];
  const sink = options.sink ?? stdSink;
  const now = options.now ?? (() => new Date());

  const build = (module: string, base: LogContext): Logger => {
    const write = (level: EventLevel, event: string, context?: LogContext) => {
      if (rank[level] < threshold) return;
      const fields = safeContext({ ...base, ...context });
      const line = { time: now().toISOString(), level, module, event, ...fields };
      sink(JSON.stringify(line), level);
    };
    return {
      debug: (event, context) => write('debug', event, context),
      info: (event, context) => write('info', event, context),
      warn: (event, context) => write('warn', event, context),
      error: (event, context) => write('error', event, context),
      child: (child, context) => build(child, { ...base, ...context }),
    };
  };
  return build(options.module ?? 'turno', options.context ?? {});
}

/** What an error may say in a log: its kind, code and redacted message, never the object. */
export function errorFields(error: unknown, known: readonly string[] = []): LogContext {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: redact(error.message, known).slice(0, 300),
  };
}

/**
 * Secret fields dropped at any depth, strings redacted, phone numbers masked (`to` at the top
 * too), errors reduced to their fields; a secret one field holds is hidden in the others too.
 */
function safeContext(context: LogContext): LogContext {
  const out: LogContext = {};
  const known = secretsIn(context);
  for (const [key, value] of Object.entries(context)) {
    if (isSecretName(key) || key === PUSH_KEY) out[key] = '[redacted]';
    else if (value instanceof Error) Object.assign(out, errorFields(value, known));
    else out[key] = maskedPhoneField(key, value) ?? redactValue(value, known);
  }
  return out;
}
