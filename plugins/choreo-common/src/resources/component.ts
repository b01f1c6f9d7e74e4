import {
  ChoreoObject,
  ConditionsStatus,
  JsonObject,
  KindedRef,
  SchemaSection,
} from './meta';

export type WorkloadType =
  | 'deployment'
  | 'statefulset'
  | 'cronjob'
  | 'job'
  | 'proxy';

export interface TraitInstance {
  kind?: 'Trait' | 'ClusterTrait';
  name: string;
  instanceName: string;
  parameters?: JsonObject;
}

/** `{kind?, name, parameters?}`; kind defaults to ClusterWorkflow. */
export interface ComponentWorkflowRef {
  kind?: 'Workflow' | 'ClusterWorkflow';
  name: string;
  parameters?: JsonObject;
}

/** A deployable unit. */
export type Component = ChoreoObject<
  'Component',
  {
    owner: { projectName: string };
    /** `name` is `{workloadType}/{componentTypeName}`, e.g. `deployment/service`. */
    componentType: KindedRef<'ComponentType' | 'ClusterComponentType'>;
    autoDeploy?: boolean;
    autoBuild?: boolean;
    parameters?: JsonObject;
    traits?: TraitInstance[];
    workflow?: ComponentWorkflowRef;
  },
  ConditionsStatus & {
    latestRelease?: { name: string; releaseHash?: string };
  }
>;

export interface RenderTemplate {
  id: string;
  targetPlane?: 'dataplane' | 'observabilityplane';
  includeWhen?: string;
  forEach?: string;
  var?: string;
  template: JsonObject;
}

export interface ComponentTypeSpec {
  workloadType: WorkloadType;
  allowedWorkflows?: KindedRef<'Workflow' | 'ClusterWorkflow'>[];
  parameters?: SchemaSection;
  environmentConfigs?: SchemaSection;
  traits?: Array<TraitInstance & { environmentConfigs?: JsonObject }>;
  allowedTraits?: KindedRef<'Trait' | 'ClusterTrait'>[];
  preRenderValidations?: Array<{ rule: string; message: string }>;
  validations?: Array<{ rule: string; message: string }>;
  postRenderValidations?: JsonObject[];
  resources: RenderTemplate[];
}

export type ComponentType = ChoreoObject<'ComponentType', ComponentTypeSpec>;
export type ClusterComponentType = ChoreoObject<
  'ClusterComponentType',
  ComponentTypeSpec
>;

export interface TraitSpec {
  parameters?: SchemaSection;
  environmentConfigs?: SchemaSection;
  /** Deprecated in favour of `preRenderValidations`; the two are mutually exclusive. */
  validations?: Array<{ rule: string; message: string }>;
  preRenderValidations?: Array<{ rule: string; message: string }>;
  postRenderValidations?: JsonObject[];
  creates?: Array<Omit<RenderTemplate, 'id'>>;
  patches?: JsonObject[];
  removes?: JsonObject[];
  [key: string]: unknown;
}

export type Trait = ChoreoObject<'Trait', TraitSpec>;
export type ClusterTrait = ChoreoObject<'ClusterTrait', TraitSpec>;
