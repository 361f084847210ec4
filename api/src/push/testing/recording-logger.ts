import type { LogContext, Logger } from '../../types.ts';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  module: string;
  event: string;
  context: LogContext;
}

/** A Logger that keeps every line, so tests can check what would have been written. */
export function recordingLogger(lines: LogLine[] = [], module = 'test'): Logger & {
  lines: LogLine[];
} {
  const at = (level: LogLine['level']) => (event: string, context: LogContext = {}) => {
    lines.push({ level, module, event, context });
  };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (name) => recordingLogger(lines, `${module}.${name}`),
  };
}
