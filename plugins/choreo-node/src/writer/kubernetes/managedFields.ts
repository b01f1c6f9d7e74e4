/*
 * Server-side apply keeps a record of who owns which field
 * (`metadata.managedFields`, in the `FieldsV1` format: `f:<name>` for a map
 * key, `k:<json>` / `v:<json>` / `i:<n>` for list items, `.` for the node
 * itself). These pure functions read it.
 */

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  fieldsType?: string;
  fieldsV1?: Plain;
}

function entriesOf(object: Plain): ManagedFieldsEntry[] {
  const metadata = isPlain(object.metadata) ? object.metadata : {};
  return Array.isArray(metadata.managedFields)
    ? (metadata.managedFields as ManagedFieldsEntry[])
    : [];
}

/** The fields `manager` applied (operation Apply), or undefined when it applied none. */
export function appliedFieldsOf(
  object: Plain,
  manager: string,
): Plain | undefined {
  return entriesOf(object).find(
    e =>
      e.manager === manager && e.operation === 'Apply' && isPlain(e.fieldsV1),
  )?.fieldsV1;
}

const isListItemKey = (key: string) => /^[kvi]:/.test(key);

/**
 * The part of `value` that `fields` names. A list with items in `fields` is
 * taken whole: the items others own come along with the same values, which
 * server-side apply accepts as shared ownership, never as a conflict.
 */
export function pickFields(value: unknown, fields: Plain): unknown {
  const keys = Object.keys(fields).filter(key => key !== '.');
  if (Array.isArray(value)) {
    return keys.some(isListItemKey) ? value : undefined;
  }
  if (!isPlain(value)) return value;
  const picked: Plain = {};
  for (const key of keys) {
    if (!key.startsWith('f:')) continue;
    const name = key.slice(2);
    if (!(name in value)) continue;
    const child = fields[key];
    const sub =
      isPlain(child) && Object.keys(child).length > 0
        ? pickFields(value[name], child)
        : value[name];
    if (sub !== undefined) picked[name] = sub;
  }
  return picked;
}

/**
 * What an apply must send so that nothing this manager set before is lost:
 * the fields it owns, as they are now, with `change` merged over them (maps
 * merge, lists and scalars replace). Under server-side apply a field the
 * manager applied before and now leaves out is deleted; this is how the
 * writer keeps the ChoreoWriter promise that a partial object only changes
 * what it names.
 */
export function keepOwnedFields(
  live: Plain | undefined,
  manager: string,
  change: Plain,
): Plain {
  const owned = live && appliedFieldsOf(live, manager);
  if (!live || !owned) return change;
  return mergeOver(pickFields(live, owned), change) as Plain;
}

function mergeOver(base: unknown, over: unknown): unknown {
  if (!isPlain(base) || !isPlain(over)) return over;
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) {
    merged[key] = key in base ? mergeOver(base[key], value) : value;
  }
  return merged;
}

/** Whether `fields` holds `path`: `['spec', 'releaseName']` is `f:spec` / `f:releaseName`. */
function ownsPath(fields: Plain, path: string[]): boolean {
  let node: unknown = fields;
  for (const name of path) {
    if (!isPlain(node)) return false;
    const next = node[`f:${name}`];
    if (next === undefined) return false;
    // a list or a leaf owned as a whole covers everything below it
    if (isPlain(next) && Object.keys(next).some(isListItemKey)) return true;
    node = next;
  }
  return true;
}

/**
 * Who manages the field at `path` (e.g. `['spec', 'releaseName']`); several
 * when they share it, empty when nobody does.
 */
export function managersOf(object: Plain, path: string[]): string[] {
  return entriesOf(object)
    .filter(e => isPlain(e.fieldsV1) && ownsPath(e.fieldsV1, path))
    .map(e => e.manager ?? 'an unnamed manager');
}
