/**
 * The details an auditor needs: what was changed where, into what, and
 * which request or commit it was. Everything else a write carries (request
 * bodies, environment variable values, parameters, descriptions) stays out
 * of the log; so do values that are not plain names.
 */
const KEPT = new Set([
  'environment',
  'from',
  'to',
  'releaseName',
  'state',
  'restartedAt',
  'requestId',
  'requestedBy',
  'change',
  'outcome',
  'kind',
  'namespace',
  'project',
  'component',
  'name',
  'componentType',
  'workflow',
  'run',
  'build',
  'commit',
  'dryRun',
  'dependency',
  'visibility',
  'pipeline',
  'bindingName',
]);

const MAX_TEXT = 200;

function plain(value: unknown): unknown {
  if (typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  if (Array.isArray(value)) {
    return value
      .filter(v => typeof v === 'string')
      .slice(0, 20)
      .map(plain);
  }
  return undefined;
}

export function auditDetails(
  details: Record<string, unknown>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (!KEPT.has(key)) continue;
    const safe = plain(value);
    if (safe !== undefined) kept[key] = safe;
  }
  return kept;
}
