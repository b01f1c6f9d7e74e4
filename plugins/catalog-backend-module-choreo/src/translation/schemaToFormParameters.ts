import { JsonObject } from '@choreo-for-backstage/plugin-choreo-common';

/**
 * Turns a component type's `openAPIV3Schema` into a JSON schema the
 * scaffolder's form (react-jsonschema-form) renders: local `$ref`s into
 * `$defs`/`definitions` are inlined (a page of a template cannot carry its
 * own definitions), Kubernetes/OpenChoreo extension keys and OpenAPI-only
 * keywords are dropped, and properties without a title get one from their
 * key.
 */

const DROPPED_KEYS = new Set(['$defs', 'definitions', 'nullable', '$schema']);
const MAX_DEPTH = 24;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `successfulJobsHistoryLimit` → `Successful jobs history limit`. */
export function titleFromKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLocaleLowerCase('en-US');
  return words ? words[0].toLocaleUpperCase('en-US') + words.slice(1) : key;
}

function resolveRef(root: JsonObject, ref: string): unknown {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  if (!match) {
    return undefined;
  }
  const defs = root[match[1]];
  return isObject(defs) ? defs[match[2]] : undefined;
}

function convert(
  node: unknown,
  root: JsonObject,
  depth: number,
  seenRefs: string[],
): unknown {
  if (Array.isArray(node)) {
    return node.map(item => convert(item, root, depth + 1, seenRefs));
  }
  if (!isObject(node) || depth > MAX_DEPTH) {
    return node;
  }
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    const target = seenRefs.includes(ref) ? undefined : resolveRef(root, ref);
    const { $ref: _ignored, ...siblings } = node;
    // A recursive or unknown reference becomes a free-form value.
    const resolved = isObject(target)
      ? (convert(target, root, depth + 1, [...seenRefs, ref]) as JsonObject)
      : {};
    return {
      ...resolved,
      ...(convert(siblings, root, depth + 1, seenRefs) as JsonObject),
    };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key) || key.startsWith('x-')) {
      continue;
    }
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, child]) => {
          const converted = convert(child, root, depth + 1, seenRefs);
          return [
            name,
            isObject(converted) && converted.title === undefined
              ? { title: titleFromKey(name), ...converted }
              : converted,
          ];
        }),
      );
    } else {
      out[key] = convert(value, root, depth + 1, seenRefs);
    }
  }
  return out;
}

/**
 * The form schema for a component type's parameters, or undefined when the
 * type has no parameters to ask for.
 */
export function schemaToFormParameters(
  schema: JsonObject | undefined,
): JsonObject | undefined {
  if (!isObject(schema)) {
    return undefined;
  }
  const converted = convert(schema, schema, 0, []) as JsonObject;
  const properties = converted.properties;
  if (!isObject(properties) || Object.keys(properties).length === 0) {
    return undefined;
  }
  return { ...converted, type: 'object' };
}
