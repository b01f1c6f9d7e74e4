import {
  Component,
  JsonObject,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

const MARKERS = {
  url: 'x-openchoreo-component-parameter-repository-url',
  branch: 'x-openchoreo-component-parameter-repository-branch',
  appPath: 'x-openchoreo-component-parameter-repository-app-path',
} as const;
type RepositoryField = keyof typeof MARKERS;

/** Where the sample workflows keep repository data when no marker says otherwise. */
const DEFAULT_PATHS: Record<RepositoryField, string[]> = {
  url: ['repository', 'url'],
  branch: ['repository', 'revision', 'branch'],
  appPath: ['repository', 'appPath'],
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths of the properties that carry the repository markers in a Workflow parameter schema. */
export function markedRepositoryPaths(
  schema: unknown,
): Partial<Record<RepositoryField, string[]>> {
  const found: Partial<Record<RepositoryField, string[]>> = {};
  const visit = (node: unknown, path: string[], depth: number) => {
    if (!isObject(node) || depth > 10) {
      return;
    }
    for (const field of Object.keys(MARKERS) as RepositoryField[]) {
      if (node[MARKERS[field]] === true && !found[field]) {
        found[field] = path;
      }
    }
    const properties = node.properties;
    if (isObject(properties)) {
      for (const [key, child] of Object.entries(properties)) {
        visit(child, [...path, key], depth + 1);
      }
    }
  };
  visit(schema, [], 0);
  return found;
}

function valueAt(parameters: unknown, path: string[]): string | undefined {
  let node = parameters;
  for (const key of path) {
    if (!isObject(node)) {
      return undefined;
    }
    node = node[key];
  }
  return typeof node === 'string' && node.trim() ? node.trim() : undefined;
}

export interface ComponentRepository {
  url: string;
  branch?: string;
  appPath?: string;
}

/**
 * The repository a component is built from: read from its build workflow
 * parameters at the paths the (Cluster)Workflow schema marks as repository
 * url/branch/app path, falling back to `repository.url` and friends.
 */
export function componentRepository(
  reader: ChoreoStoreReader,
  component: Component,
): ComponentRepository | undefined {
  const workflow = component.spec.workflow;
  if (!workflow?.parameters) {
    return undefined;
  }
  const definition =
    workflow.kind === 'Workflow'
      ? reader.get('Workflow', workflow.name, component.metadata.namespace)
      : reader.get('ClusterWorkflow', workflow.name);
  const marked = markedRepositoryPaths(
    definition?.spec?.parameters?.openAPIV3Schema,
  );
  const read = (field: RepositoryField) =>
    valueAt(workflow.parameters, marked[field] ?? DEFAULT_PATHS[field]) ??
    (marked[field]
      ? valueAt(workflow.parameters, DEFAULT_PATHS[field])
      : undefined);
  const url = read('url');
  if (!url) {
    return undefined;
  }
  return { url, branch: read('branch'), appPath: read('appPath') };
}

/**
 * `url:` target for `backstage.io/source-location`: the folder of the
 * component in the repository where the host's URL scheme is known (GitHub,
 * GitLab, Bitbucket Cloud), the repository itself otherwise. Non-HTTP
 * remotes (ssh) give undefined: Backstage cannot link to them.
 */
export function sourceLocationUrl(
  repository: ComponentRepository,
): string | undefined {
  if (!/^https?:\/\//i.test(repository.url)) {
    return undefined;
  }
  const base = repository.url.replace(/\/+$/, '').replace(/\.git$/, '');
  const path = (repository.appPath ?? '')
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');
  const branch = repository.branch;
  if (!branch) {
    return `${base}/`;
  }
  let host: string;
  try {
    host = new URL(base).hostname;
  } catch {
    return undefined;
  }
  const suffix = path ? `${path}/` : '';
  if (host.includes('github')) {
    return `${base}/tree/${branch}/${suffix}`;
  }
  if (host.includes('gitlab')) {
    return `${base}/-/tree/${branch}/${suffix}`;
  }
  if (host === 'bitbucket.org') {
    return `${base}/src/${branch}/${suffix}`;
  }
  return `${base}/`;
}
