import { ChoreoObject, ComponentOwner } from './meta';

export type EndpointType =
  | 'HTTP'
  | 'gRPC'
  | 'GraphQL'
  | 'Websocket'
  | 'TCP'
  | 'UDP';

/** Who may reach an endpoint. `project` always applies implicitly. */
export type EndpointVisibility =
  | 'project'
  | 'namespace'
  | 'internal'
  | 'external';

export const ENDPOINT_VISIBILITIES: readonly EndpointVisibility[] = [
  'project',
  'namespace',
  'internal',
  'external',
];

/** Who may reach an endpoint, narrowest first; `project` always applies. */
export function endpointVisibilityOf(endpoint: {
  visibility?: EndpointVisibility[];
}): EndpointVisibility[] {
  return ENDPOINT_VISIBILITIES.filter(
    v => v === 'project' || endpoint.visibility?.includes(v),
  );
}

export interface EnvVar {
  key: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}

/** A file mounted into the container: `key` is the file name. */
export type FileVar = EnvVar & { mountPath: string };

export interface WorkloadContainer {
  image: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  files?: FileVar[];
}

export interface WorkloadEndpoint {
  type: EndpointType;
  port: number;
  targetPort?: number;
  visibility?: EndpointVisibility[];
  displayName?: string;
  basePath?: string;
  schema?: { type?: string; content?: string };
}

export interface EndpointDependency {
  /** Another project; absent means the same project. */
  project?: string;
  component: string;
  /** The endpoint name on the target component. */
  name: string;
  visibility: 'project' | 'namespace';
  /** Required by the CRD; each value is the env-var name to inject (may be `{}`). */
  envBindings: {
    address?: string;
    host?: string;
    port?: string;
    basePath?: string;
  };
}

export interface ResourceDependency {
  ref: string;
  envBindings?: Record<string, string>;
  fileBindings?: Record<string, string>;
}

export interface WorkloadTemplateSpec {
  container: WorkloadContainer;
  endpoints?: Record<string, WorkloadEndpoint>;
  dependencies?: {
    endpoints?: EndpointDependency[];
    resources?: ResourceDependency[];
  };
}

/** Runtime spec of a component; usually written by CI. */
export type Workload = ChoreoObject<
  'Workload',
  WorkloadTemplateSpec & { owner: ComponentOwner }
>;
