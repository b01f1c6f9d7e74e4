import { LoggerService } from '@backstage/backend-plugin-api';

type Level = 'error' | 'warn' | 'info' | 'debug';
const ORDER: Level[] = ['error', 'warn', 'info', 'debug'];

/** A logger for benchmarks: stdout carries only the result line, so everything goes to stderr. */
export function stderrLogger(
  level: Level = 'warn',
  fields: Record<string, unknown> = {},
): LoggerService {
  const enabled = (l: Level) => ORDER.indexOf(l) <= ORDER.indexOf(level);
  const write = (l: Level, message: string, meta?: unknown) => {
    if (enabled(l)) {
      const context = {
        ...fields,
        ...(meta instanceof Error ? { error: String(meta) } : (meta as object)),
      };
      process.stderr.write(`[${l}] ${message} ${JSON.stringify(context)}\n`);
    }
  };
  return {
    error: (message, meta) => write('error', message, meta),
    warn: (message, meta) => write('warn', message, meta),
    info: (message, meta) => write('info', message, meta),
    debug: (message, meta) => write('debug', message, meta),
    child: meta => stderrLogger(level, { ...fields, ...meta }),
  };
}

/** Progress lines of a benchmark. */
export function progress(message: string): void {
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`,
  );
}
