import { isDeepStrictEqual } from 'node:util';
import { ConflictError } from '@backstage/errors';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { callerOwnedFields } from './serverMetadata';

/** One field that is not what the caller saw. */
export interface FieldChange {
  /** Dotted path, e.g. `spec.releaseName` or `metadata.annotations.openchoreo.dev/restartedAt`. */
  field: string;
  /** The same as segments (a key may hold dots, as annotation keys do). */
  path: string[];
  /** As the caller saw it; undefined when it was not set. */
  before?: unknown;
  /** As it is now; undefined when it is not set any more. */
  after?: unknown;
  /** Who changed it, when the back end knows (a Kubernetes field manager). */
  changedBy?: string;
}

/**
 * A write was refused because the resource changed since the caller saw it.
 * 409; `changes` says what changed, so the caller can look again and retry.
 */
export class ResourceChangedError extends ConflictError {
  readonly changes: FieldChange[];
  /** Tells this ConflictError apart in an answer's `error.code`; `changes` comes along. */
  readonly code = 'ResourceChanged';

  /** `summary` replaces the list of changes in the message, e.g. "it was deleted". */
  constructor(what: string, changes: FieldChange[], summary?: string) {
    super(
      `${what} changed since you looked at it: ${
        summary ?? describeChanges(changes)
      }. Reload and try again.`,
    );
    this.changes = changes;
  }
}

/** A field another manager owns; taking it over needs the user's word. */
export interface FieldOwner {
  /** e.g. `spec.releaseName` */
  field: string;
  /** The field manager that owns it, e.g. `kubectl-client-side-apply`. */
  manager: string;
}

/**
 * A write was refused because it would take fields from another manager
 * (409). Retrying with `takeOver: true` takes them, once the user agreed.
 */
export class FieldOwnershipError extends ConflictError {
  readonly owners: FieldOwner[];
  /** Tells this ConflictError apart in an answer's `error.code`; `owners` comes along. */
  readonly code = 'FieldOwnership';

  constructor(what: string, owners: FieldOwner[]) {
    super(
      `Could not change ${what}: ${owners
        .map(o => `${o.field} is managed by ${o.manager}`)
        .join('; ')}. Confirm to take ${
        owners.length === 1 ? 'it' : 'them'
      } over, or ask ${[...new Set(owners.map(o => o.manager))].join(
        ' and ',
      )} to make the change.`,
    );
    this.owners = owners;
  }
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function collect(
  path: string[],
  before: unknown,
  after: unknown,
  out: FieldChange[],
): void {
  if (isDeepStrictEqual(before, after)) return;
  if (isPlain(before) && isPlain(after)) {
    for (const key of new Set([
      ...Object.keys(before),
      ...Object.keys(after),
    ])) {
      collect([...path, key], before[key], after[key], out);
    }
    return;
  }
  out.push({
    field: path.join('.'),
    path,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  });
}

/**
 * The fields of `actual` that differ from what the caller saw (`expected`),
 * leaving out status and the back end's bookkeeping. Empty: nothing a person
 * would call a change.
 */
export function changedFields(
  expected: ChoreoResource,
  actual: ChoreoResource,
): FieldChange[] {
  const out: FieldChange[] = [];
  collect([], callerOwnedFields(expected), callerOwnedFields(actual), out);
  return out;
}

function shown(value: unknown): string {
  if (value === undefined) return 'unset';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** e.g. "spec.releaseName was r1, is r2 (by kubectl)" */
export function describeChanges(changes: FieldChange[]): string {
  if (changes.length === 0) return 'it was rewritten';
  const listed = changes
    .slice(0, 5)
    .map(
      c =>
        `${c.field} was ${shown(c.before)}, is ${shown(c.after)}${
          c.changedBy ? ` (by ${c.changedBy})` : ''
        }`,
    );
  const more = changes.length - listed.length;
  return `${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

/**
 * The precondition of a write: throws ResourceChangedError when the resource
 * (`current`, undefined when it does not exist) is not what the caller saw.
 */
export function assertAsExpected(
  what: string,
  expected: ChoreoResource | null | undefined,
  current: ChoreoResource | undefined,
  /** Who changed the field at a path, when the back end can tell. */
  changedBy?: (path: string[]) => string | undefined,
): void {
  if (expected === undefined) return;
  if (expected === null) {
    if (current) {
      throw new ResourceChangedError(
        what,
        [
          {
            field: 'metadata.name',
            path: ['metadata', 'name'],
            after: current.metadata.name,
          },
        ],
        'it was created meanwhile',
      );
    }
    return;
  }
  if (!current) {
    throw new ResourceChangedError(
      what,
      [
        {
          field: 'metadata.name',
          path: ['metadata', 'name'],
          before: expected.metadata.name,
        },
      ],
      'it was deleted meanwhile',
    );
  }
  const changes = changedFields(expected, current).map(change => {
    const by = changedBy?.(change.path);
    return by ? { ...change, changedBy: by } : change;
  });
  if (changes.length > 0) throw new ResourceChangedError(what, changes);
}
