import { isDeepStrictEqual } from 'node:util';
import { CHOREO_LABELS } from '@choreo-for-backstage/plugin-choreo-common';
import { Document, isCollection, isMap, isScalar } from 'yaml';

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The YAML node at `path` as plain data, for comparing with a patch value. */
function plainValue(doc: Document, path: string[]): unknown {
  const node = doc.getIn(path, true);
  if (isScalar(node)) {
    return node.value;
  }
  if (isCollection(node)) {
    return node.toJSON();
  }
  return node;
}

/**
 * Merges `patch` into a YAML document in place, with server-side-apply-like
 * rules: maps merge key by key, lists and scalars replace, `null` removes a
 * key. Only nodes whose value changes are touched, so comments and
 * formatting elsewhere in the document survive.
 */
export function mergeIntoDocument(
  doc: Document,
  patch: Json,
  path: string[] = [],
): void {
  for (const [key, value] of Object.entries(patch)) {
    const at = [...path, key];
    if (value === undefined) {
      continue;
    }
    if (value === null) {
      if (doc.hasIn(at)) {
        doc.deleteIn(at);
      }
      continue;
    }
    const existing = doc.getIn(at, true);
    if (isPlainObject(value) && isMap(existing)) {
      mergeIntoDocument(doc, value, at);
      continue;
    }
    if (
      existing !== undefined &&
      isDeepStrictEqual(plainValue(doc, at), value)
    ) {
      continue;
    }
    doc.setIn(at, doc.createNode(withoutNulls(value)));
  }
}

/** A new subtree is written as given, minus `null` values (they mean "absent"). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** A fresh document for a new resource, in the usual key order. */
export function newManifestDocument(fields: Json): Document {
  const { apiVersion, kind, metadata, spec, ...rest } = fields;
  return new Document(
    withoutNulls({ apiVersion, kind, metadata, spec, ...rest }),
  );
}

/**
 * A Namespace created through Choreo is a control-plane namespace; without
 * the label the directory source would ignore it and the write would vanish.
 */
export function withControlPlaneLabel(
  fields: Record<string, unknown>,
): Record<string, unknown> {
  if (fields.kind !== 'Namespace') {
    return fields;
  }
  const metadata = (fields.metadata ?? {}) as {
    labels?: Record<string, string>;
  };
  return {
    ...fields,
    metadata: {
      ...metadata,
      labels: { ...metadata.labels, [CHOREO_LABELS.controlPlane]: 'true' },
    },
  };
}
