import {
  ChoreoObject,
  ConditionsStatus,
  JsonObject,
  KindedRef,
  SchemaSection,
} from './meta';

export interface WorkflowSpec {
  workflowPlaneRef?: KindedRef<'WorkflowPlane' | 'ClusterWorkflowPlane'>;
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

export type Workflow = ChoreoObject<'Workflow', WorkflowSpec>;
export type ClusterWorkflow = ChoreoObject<'ClusterWorkflow', WorkflowSpec>;

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
    runReference?: {
      apiVersion?: string;
      kind?: string;
      name: string;
      namespace: string;
    };
    resources?: JsonObject[];
    tasks?: WorkflowTask[];
    startedAt?: string;
    completedAt?: string;
  }
>;

/** Maps secret keys to external-store paths. */
export type SecretReference = ChoreoObject<
  'SecretReference',
  {
    template?: {
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
  ConditionsStatus & { lastRefreshTime?: string }
>;
