import { ChoreoObject, ConditionsStatus, JsonObject, KindedRef } from './meta';

/**
 * Managed resources (OpenChoreo v1.1+): a database, cache or queue a project
 * declares from a (Cluster)ResourceType template, cut into immutable
 * ResourceReleases and bound per environment by ResourceReleaseBindings,
 * which report the outputs Workloads consume through
 * `spec.dependencies.resources`.
 */

/** Whether the rendered objects outlive their binding. */
export type RetainPolicy = 'Delete' | 'Retain';

/**
 * One value a resource exposes to its consumers. Exactly one of `value`,
 * `secretKeyRef` and `configMapKeyRef` is set (a CRD rule); secrets stay on
 * the data plane and only their reference is ever known here.
 */
export interface ResourceOutput {
  name: string;
  value?: string;
  secretKeyRef?: { name: string; key: string };
  configMapKeyRef?: { name: string; key: string };
}

/** One object a resource type renders; `includeWhen` and `readyWhen` are CEL `${…}`. */
export interface ResourceTemplate {
  id: string;
  includeWhen?: string;
  readyWhen?: string;
  template: JsonObject;
}

export interface ResourceTypeSpec {
  parameters?: { openAPIV3Schema?: JsonObject };
  environmentConfigs?: { openAPIV3Schema?: JsonObject };
  /** Output values may be CEL `${…}` over metadata, parameters and environmentConfigs. */
  outputs?: ResourceOutput[];
  /** Required by the CRD (MinItems=1). */
  resources: ResourceTemplate[];
  /** Defaults to `Delete`. */
  retainPolicy?: RetainPolicy;
}

/** A platform engineer's template for a managed resource, in one namespace. */
export type ResourceType = ChoreoObject<'ResourceType', ResourceTypeSpec>;

/** A resource type every namespace may use. */
export type ClusterResourceType = ChoreoObject<
  'ClusterResourceType',
  ResourceTypeSpec
>;

/** The owner block of a resource's releases and bindings. */
export interface ResourceOwner {
  projectName: string;
  resourceName: string;
}

/** A managed infrastructure dependency of a project (a database, a cache, a queue). */
export type Resource = ChoreoObject<
  'Resource',
  {
    /** Immutable. */
    owner: { projectName: string };
    /** Immutable; kind defaults to `ResourceType`. */
    type: KindedRef<'ResourceType' | 'ClusterResourceType'>;
    parameters?: JsonObject;
  },
  ConditionsStatus & {
    /** ResourceRelease `{resource}-{hash}`, cut by the Resource controller. */
    latestRelease?: { name: string; hash: string };
  }
>;

/** Immutable snapshot of a Resource's parameters and its type. */
export type ResourceRelease = ChoreoObject<
  'ResourceRelease',
  {
    owner: ResourceOwner;
    resourceType: {
      kind: 'ResourceType' | 'ClusterResourceType';
      name: string;
      spec: ResourceTypeSpec;
    };
    parameters?: JsonObject;
  }
>;

/** Pins a ResourceRelease to an Environment; promotion and rollback change `resourceRelease`. */
export type ResourceReleaseBinding = ChoreoObject<
  'ResourceReleaseBinding',
  {
    /** Immutable. */
    owner: ResourceOwner;
    /** Immutable. */
    environment: string;
    /** Unset until someone promotes a release to this environment. */
    resourceRelease?: string;
    resourceTypeEnvironmentConfigs?: JsonObject;
    /** Overrides the type's retain policy for this environment. */
    retainPolicy?: RetainPolicy;
  },
  ConditionsStatus & {
    /** The type's outputs as resolved in this environment. */
    outputs?: ResourceOutput[];
  }
>;

/** The kind a Resource's `spec.type` names (it defaults to the namespaced kind). */
export function resourceTypeKindOf(
  resource: Pick<Resource, 'spec'>,
): 'ResourceType' | 'ClusterResourceType' {
  return resource.spec.type?.kind === 'ClusterResourceType'
    ? 'ClusterResourceType'
    : 'ResourceType';
}
