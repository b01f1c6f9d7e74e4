import {
  ChoreoObject,
  ConditionsStatus,
  JsonObject,
  KindedRef,
  SchemaSection,
} from './meta';

/** A group of components: the "cell". */
export type Project = ChoreoObject<
  'Project',
  {
    /** Before v1.0 a plain string; the Go decoder still accepts one. */
    deploymentPipelineRef: KindedRef<'DeploymentPipeline'> | string;
    /** Required since v1.2, immutable. Kind defaults to `ProjectType`. */
    type: KindedRef<'ProjectType' | 'ClusterProjectType'>;
    parameters?: JsonObject;
  },
  ConditionsStatus & { latestRelease?: { name: string; hash?: string } }
>;

export interface ProjectTypeSpec {
  parameters?: SchemaSection;
  environmentConfigs?: SchemaSection;
  validations?: Array<{ rule: string; message: string }>;
  /** Required by the CRD (MinItems=1); must render the cell `v1/Namespace`. */
  resources?: Array<{
    id: string;
    targetPlane?: 'dataplane' | 'observabilityplane';
    includeWhen?: string;
    forEach?: string;
    var?: string;
    template: JsonObject;
  }>;
  [key: string]: unknown;
}

export type ProjectType = ChoreoObject<'ProjectType', ProjectTypeSpec>;
export type ClusterProjectType = ChoreoObject<
  'ClusterProjectType',
  ProjectTypeSpec
>;

/** Immutable snapshot of a Project and its ProjectType, cut by the Project controller. */
export type ProjectRelease = ChoreoObject<
  'ProjectRelease',
  {
    owner: { projectName: string };
    projectType: { kind: string; name: string; spec: ProjectTypeSpec };
    parameters?: JsonObject;
  }
>;

/** Pins a ProjectRelease to an Environment and owns the cell namespace. */
export type ProjectReleaseBinding = ChoreoObject<
  'ProjectReleaseBinding',
  {
    owner: { projectName: string };
    environment: string;
    /** Left empty on creation; the Project controller fills it once. */
    projectRelease?: string;
    environmentConfigs?: JsonObject;
  },
  ConditionsStatus & { namespace?: string }
>;
