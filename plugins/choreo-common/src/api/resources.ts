import {
  EndpointDependency,
  EndpointType,
  EndpointVisibility,
} from '../resources';

/**
 * Creating platform resources through the choreo backend:
 * `POST /namespaces/:namespace/{projects,components,environments,pipelines}`
 * and `POST /components/:namespace/:name/dependencies`. Each accepts
 * `?dryRun=true`, which validates and answers what would be written without
 * writing anything. Scaffolder actions and the frontend both use these.
 */

/** One resource a create call wrote (or, in a dry run, would write). */
export interface WrittenResource {
  kind: string;
  namespace?: string;
  name: string;
  action: 'created' | 'updated' | 'unchanged';
}

export interface CreateResponse {
  result: 'applied' | 'dry-run';
  resources: WrittenResource[];
  /** Dry run only: the manifests that would be applied, in order. */
  manifests?: Record<string, unknown>[];
  warnings: string[];
  /** GitOps directory mode: the commit the write became. */
  commit?: string;
}

export interface CreateProjectRequest {
  name: string;
  displayName?: string;
  description?: string;
  /** DeploymentPipeline name; the namespace's `default` when absent. */
  deploymentPipeline?: string;
  /**
   * The (Cluster)ProjectType that renders the project's cell (required by
   * OpenChoreo since v1.2, immutable); ClusterProjectType `default` when absent.
   */
  projectType?: { kind: 'ProjectType' | 'ClusterProjectType'; name: string };
  /** Catalog entity ref of the owner, stored as the backstage.io/owner annotation. */
  owner?: string;
}

export interface ComponentEndpointRequest {
  name: string;
  type: EndpointType;
  port: number;
  /** The container port, when it differs from `port`. */
  targetPort?: number;
  displayName?: string;
  visibility?: EndpointVisibility[];
  basePath?: string;
  schema?: { type?: string; content?: string };
}

/**
 * Where the component's container comes from. From an image, the Component
 * and its Workload are created together. From source, only the Component
 * (with its build workflow) is: the first build publishes the Workload, with
 * the endpoints and dependencies of the repository's workload.yaml.
 */
export type ComponentSourceRequest =
  | { image: string }
  | {
      repository: { url: string; branch?: string; appPath?: string };
      workflow: {
        kind?: 'Workflow' | 'ClusterWorkflow';
        name: string;
        parameters?: Record<string, unknown>;
      };
    };

export interface CreateComponentRequest {
  project: string;
  name: string;
  displayName?: string;
  description?: string;
  owner?: string;
  componentType: {
    kind: 'ComponentType' | 'ClusterComponentType';
    /** `{workloadType}/{name}`, e.g. `deployment/service`. */
    name: string;
  };
  parameters?: Record<string, unknown>;
  autoDeploy?: boolean;
  source: ComponentSourceRequest;
  /** Image components only (see ComponentSourceRequest). */
  endpoints?: ComponentEndpointRequest[];
  /** Image components only (see ComponentSourceRequest). */
  dependencies?: AddDependencyRequest[];
}

/** A Workload dependency on another component's endpoint (the marketplace's "Connect"). */
export type AddDependencyRequest = Omit<EndpointDependency, 'envBindings'> & {
  envBindings?: EndpointDependency['envBindings'];
};

export interface CreateEnvironmentRequest {
  name: string;
  displayName?: string;
  description?: string;
  dataPlaneRef: { kind: 'DataPlane' | 'ClusterDataPlane'; name: string };
  isProduction?: boolean;
}

export interface CreatePipelineRequest {
  name: string;
  displayName?: string;
  description?: string;
  promotionPaths: Array<{ sourceEnvironment: string; targets: string[] }>;
}

/** `GET /sources`: the health of every configured source. */
export interface ChoreoSourceStatus {
  source: string;
  type: string;
  state: 'starting' | 'synced' | 'stale' | 'failing';
  since: string;
  resourceCount: number;
  /** For everyone, in plain words: healthy, stale or failing, and since when. */
  summary: string;
  /** What to do about it, for everyone; absent when all is well. */
  whatToDo?: string;
  /** How many resources or files the source could not read. */
  problemCount: number;
  /**
   * The source's own messages (paths, server URLs, parser errors): only for
   * people with `choreo.sources.read`.
   */
  details?: {
    message?: string;
    problems: Array<{ message: string; file?: string; line?: number }>;
  };
}
