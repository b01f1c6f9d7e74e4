import {
  ChoreoObject,
  ConditionsStatus,
  JsonObject,
  SchemaSection,
} from './meta';

export interface WorkflowSpec {
  /** Defaults to `{kind: ClusterWorkflowPlane, name: default}`; `kind` is required when set. */
  workflowPlaneRef?: {
    kind: 'WorkflowPlane' | 'ClusterWorkflowPlane';
    name: string;
  };
  parameters?: SchemaSection;
  runTemplate: JsonObject;
  resources?: Array<{ id: string; includeWhen?: string; template: JsonObject }>;
  externalRefs?: Array<{
    id: string;
    apiVersion: string;
    kind: string;
    name: string;
  }>;
  ttlAfterCompletion?: string;
}

export type Workflow = ChoreoObject<'Workflow', WorkflowSpec, ConditionsStatus>;
export type ClusterWorkflow = ChoreoObject<
  'ClusterWorkflow',
  WorkflowSpec,
  ConditionsStatus
>;

/** An object a WorkflowRun created on the workflow plane (the Argo Workflow, ExternalSecrets…). */
export interface WorkflowResourceReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export type WorkflowTaskPhase =
  | 'Pending'
  | 'Running'
  | 'Succeeded'
  | 'Failed'
  | 'Skipped'
  | 'Error';

export interface WorkflowTask {
  name: string;
  phase?: WorkflowTaskPhase;
  startedAt?: string;
  completedAt?: string;
  message?: string;
}

/** One execution of a (Cluster)Workflow; a component build when labelled with project and component. */
export type WorkflowRun = ChoreoObject<
  'WorkflowRun',
  {
    workflow: {
      kind?: 'Workflow' | 'ClusterWorkflow';
      name: string;
      parameters?: JsonObject;
    };
    ttlAfterCompletion?: string;
  },
  ConditionsStatus & {
    /** The Argo Workflow on the workflow plane. */
    runReference?: WorkflowResourceReference;
    /** Extra objects applied next to it. */
    resources?: WorkflowResourceReference[];
    tasks?: WorkflowTask[];
    startedAt?: string;
    completedAt?: string;
  }
>;

/** Maps secret keys to external-store paths. */
export type SecretReference = ChoreoObject<
  'SecretReference',
  {
    /** Required by the CRD (may be `{}`); `type` defaults to `Opaque`. */
    template: {
      type?: string;
      metadata?: {
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
      };
    };
    data: Array<{
      secretKey: string;
      remoteRef: { key: string; property?: string; version?: string };
    }>;
    targetPlane?: {
      kind:
        | 'WorkflowPlane'
        | 'ClusterWorkflowPlane'
        | 'DataPlane'
        | 'ClusterDataPlane';
      name: string;
    };
    refreshInterval?: string;
  },
  ConditionsStatus & {
    lastRefreshTime?: string;
    secretStores?: Array<{ name: string; namespace: string; kind: string }>;
  }
>;
