/**
 * What a Choreo permission acts on, scoped the way OpenChoreo scopes its own
 * access control (namespace, then project, then component), plus the
 * environment a deployment change happens in. Policies see the environment,
 * so "owners may roll back in development, only approvers touch production"
 * is a condition on this resource.
 */
export interface ChoreoResourceScope {
  namespace: string;
  project?: string;
  component?: string;
  /** The environment of a deployment (a ReleaseBinding's `spec.environment`). */
  environment?: string;
  /**
   * For a component about to be created (it is not in the store yet): its
   * component type as OpenChoreo names it in conditions, e.g. `deployment/service`.
   */
  componentType?: string;
}

/** The permission resource type of the choreo plugin. */
export const CHOREO_RESOURCE_TYPE = 'choreo-resource';

const PREFIX = 'choreo:';
const SEGMENT = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * `choreo:ns/<ns>[/project/<p>[/component/<c>]][/environment/<env>]`, the
 * OpenChoreo hierarchy path, and `?componentType=<t>` for a component that
 * does not exist yet. Readable in audit rows and decisions.
 */
export function choreoResourceRef(scope: ChoreoResourceScope): string {
  if (scope.component && !scope.project) {
    throw new Error(
      `A component scope needs its project (component '${scope.component}')`,
    );
  }
  let ref = `${PREFIX}ns/${scope.namespace}`;
  if (scope.project) ref += `/project/${scope.project}`;
  if (scope.component) ref += `/component/${scope.component}`;
  if (scope.environment) ref += `/environment/${scope.environment}`;
  if (scope.componentType) {
    ref += `?componentType=${encodeURIComponent(scope.componentType)}`;
  }
  return ref;
}

/** The scope of a ref made by choreoResourceRef, or undefined for anything else. */
export function parseChoreoResourceRef(
  ref: string,
): ChoreoResourceScope | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  const [path, query] = ref.slice(PREFIX.length).split('?', 2);
  const parts = path.split('/');
  if (parts.length % 2 !== 0) return undefined;
  const scope: Partial<ChoreoResourceScope> = {};
  const order = ['ns', 'project', 'component', 'environment'];
  let last = -1;
  for (let i = 0; i < parts.length; i += 2) {
    const [key, value] = [parts[i], parts[i + 1]];
    const at = order.indexOf(key);
    if (at <= last || !SEGMENT.test(value)) return undefined;
    last = at;
    if (key === 'ns') scope.namespace = value;
    else scope[key as 'project' | 'component' | 'environment'] = value;
  }
  if (!scope.namespace || (scope.component && !scope.project)) {
    return undefined;
  }
  if (query) {
    const params = new URLSearchParams(query);
    const type = params.get('componentType');
    if (!type || [...params.keys()].length !== 1) return undefined;
    scope.componentType = type;
  }
  return scope as ChoreoResourceScope;
}
