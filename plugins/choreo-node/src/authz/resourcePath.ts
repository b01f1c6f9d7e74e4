/** Where a request or a binding applies; every level is optional. */
export interface AuthzResourceHierarchy {
  namespace?: string;
  project?: string;
  component?: string;
  resource?: string;
}

/** The path of the whole cluster: what an empty hierarchy becomes. */
export const CLUSTER_PATH = '*';

/**
 * OpenChoreo's string form of a hierarchy, `ns/<n>/project/<p>/component/<c>`
 * (or `/resource/<r>` when there is no component). Levels are not escaped and
 * missing levels are skipped, so `{ project: 'p' }` is `project/p`; slashes at
 * either end are trimmed, as Go's strings.Trim does.
 */
export function resourcePath(hierarchy: AuthzResourceHierarchy = {}): string {
  const { namespace, project, component, resource } = hierarchy;
  if (!namespace && !project && !component && !resource) {
    return CLUSTER_PATH;
  }
  let path = namespace ? `ns/${namespace}` : '';
  if (project) {
    path = `${path}/project/${project}`;
  }
  if (component) {
    path = `${path}/component/${component}`;
  } else if (resource) {
    path = `${path}/resource/${resource}`;
  }
  return trimSlashes(path);
}

function trimSlashes(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end);
}

/**
 * Whether a policy scoped at `policyPath` covers a request at `requestPath`:
 * at and below its scope, never above. Compared as strings, like OpenChoreo.
 */
export function resourcePathCovers(
  requestPath: string,
  policyPath: string,
): boolean {
  return (
    policyPath === CLUSTER_PATH ||
    requestPath === policyPath ||
    requestPath.startsWith(`${policyPath}/`)
  );
}
