import { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps every line, to check what was (and was not) logged. */
export function recordingLogger(): LoggerService & { lines: string[] } {
  const lines: string[] = [];
  const logger = {
    lines,
    error: (message: string, meta?: unknown) =>
      lines.push(`error ${message} ${meta ? JSON.stringify(meta) : ''}`),
    warn: (message: string, meta?: unknown) =>
      lines.push(`warn ${message} ${meta ? JSON.stringify(meta) : ''}`),
    info: (message: string, meta?: unknown) =>
      lines.push(`info ${message} ${meta ? JSON.stringify(meta) : ''}`),
    debug: (message: string, meta?: unknown) =>
      lines.push(`debug ${message} ${meta ? JSON.stringify(meta) : ''}`),
    child: () => logger,
  };
  return logger as LoggerService & { lines: string[] };
}
