import { JsonObject } from '@choreo-for-backstage/plugin-choreo-common';

export type RepositoryField =
  | 'url'
  | 'branch'
  | 'commit'
  | 'app-path'
  | 'secret-ref';

/** Where the sample workflows keep each field when the schema does not say. */
const CONVENTIONAL_PATHS: Record<RepositoryField, string[]> = {
  url: ['repository', 'url'],
  branch: ['repository', 'revision', 'branch'],
  commit: ['repository', 'revision', 'commit'],
  'app-path': ['repository', 'appPath'],
  'secret-ref': ['repository', 'secretRef'],
};

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The parameter path of a repository field: the property the Workflow schema
 * marks `x-openchoreo-component-parameter-repository-{field}: true`, else the
 * conventional path.
 */
export function repositoryParameterPath(
  schema: JsonObject | undefined,
  field: RepositoryField,
): string[] {
  const marker = `x-openchoreo-component-parameter-repository-${field}`;
  const search = (node: JsonObject, path: string[]): string[] | undefined => {
    if (node[marker] === true) return path;
    const properties = node.properties;
    if (!isObject(properties)) return undefined;
    for (const [key, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const found = search(child, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return (schema && search(schema, [])) ?? CONVENTIONAL_PATHS[field];
}

export function readParameter(
  parameters: JsonObject | undefined,
  path: string[],
): unknown {
  let node: unknown = parameters;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of `parameters` with `value` at `path`, creating objects on the way. */
export function withParameter(
  parameters: JsonObject | undefined,
  path: string[],
  value: unknown,
): JsonObject {
  const copy: JsonObject = structuredClone(parameters ?? {});
  let node = copy;
  path.slice(0, -1).forEach(key => {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as JsonObject;
  });
  node[path[path.length - 1]] = value;
  return copy;
}
