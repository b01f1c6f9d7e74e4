/** One line of a build log as the viewer shows it. */
export interface LogLine {
  /** 1-based position in the whole log, kept when filtering. */
  number: number;
  task?: string;
  time?: string;
  text: string;
}

// Build tools colour their output; the viewer shows plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** A `line` event's data: a BuildLogLine object, or a bare string from simpler sources. */
export function toLogLine(data: unknown, number: number): LogLine {
  if (typeof data === 'string') return { number, text: data.replace(ANSI, '') };
  const line = (data ?? {}) as { task?: string; time?: string; text?: unknown };
  return {
    number,
    task: line.task,
    time: line.time,
    text: String(line.text ?? '').replace(ANSI, ''),
  };
}

/** Lines containing `query` (case-insensitive); all lines for an empty query. */
export function matchingLines(lines: LogLine[], query: string): LogLine[] {
  const q = query.trim().toLowerCase();
  if (!q) return lines;
  return lines.filter(l => l.text.toLowerCase().includes(q));
}

/** `text` cut into plain and matching parts, for highlighting. */
export function highlightParts(
  text: string,
  query: string,
): Array<{ text: string; match: boolean }> {
  const q = query.trim().toLowerCase();
  if (!q) return [{ text, match: false }];
  const parts: Array<{ text: string; match: boolean }> = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (;;) {
    const found = lower.indexOf(q, at);
    if (found < 0) break;
    if (found > at) parts.push({ text: text.slice(at, found), match: false });
    parts.push({ text: text.slice(found, found + q.length), match: true });
    at = found + q.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** The log as a file: with the step name when the log mixes several steps. */
export function logFileText(lines: LogLine[]): string {
  const steps = new Set(lines.map(l => l.task).filter(Boolean));
  return `${lines
    .map(l => (steps.size > 1 && l.task ? `[${l.task}] ${l.text}` : l.text))
    .join('\n')}\n`;
}

export function logFileName(run: string, task?: string): string {
  return `${run}${task ? `-${task}` : ''}.log`;
}
