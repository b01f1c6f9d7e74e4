import {
  ChoreoObject,
  ComponentOwner,
  ConditionsStatus,
  JsonObject,
} from './meta';
import { ComponentTypeSpec, TraitSpec } from './component';
import {
  WorkloadTemplateSpec,
  EndpointType,
  EndpointVisibility,
  EnvVar,
  FileVar,
} from './workload';

/** Immutable snapshot of ComponentType, Traits, parameters and Workload. */
export type ComponentRelease = ChoreoObject<
  'ComponentRelease',
  {
    owner: ComponentOwner;
    componentType: { kind: string; name: string; spec: ComponentTypeSpec };
    traits?: Array<{ kind: string; name: string; spec: TraitSpec }>;
    componentProfile?: {
      parameters?: JsonObject;
      traits?: Array<{
        kind: string;
        name: string;
        instanceName: string;
        parameters?: JsonObject;
      }>;
    };
    workload: WorkloadTemplateSpec;
  }
>;

export interface EndpointUrl {
  scheme?: string;
  host: string;
  port?: number;
  path?: string;
}

export interface ReleaseBindingEndpointStatus {
  name: string;
  type?: EndpointType;
  serviceURL?: EndpointUrl;
  invokeURL?: string;
  internalURLs?: { http?: EndpointUrl; https?: EndpointUrl; tls?: EndpointUrl };
  externalURLs?: { http?: EndpointUrl; https?: EndpointUrl; tls?: EndpointUrl };
}

/** An endpoint this binding depends on, as resolved for its environment. */
export interface ConnectionTarget {
  namespace: string;
  project: string;
  component: string;
  endpoint: string;
  visibility: EndpointVisibility;
  environment?: string;
}

export interface ResolvedConnection {
  namespace: string;
  project: string;
  component: string;
  endpoint: string;
  visibility: EndpointVisibility;
  url: EndpointUrl;
}

/** A dependency whose URL is not known yet; `reason` says why in OpenChoreo's words. */
export interface PendingConnection {
  namespace: string;
  project: string;
  component: string;
  endpoint: string;
  reason: string;
}

export interface ResourceDependencyTarget {
  namespace: string;
  project: string;
  resourceName: string;
  environment: string;
}

export interface PendingResourceDependency {
  namespace: string;
  project: string;
  resourceName: string;
  reason: string;
}

export type ReleaseBindingState = 'Active' | 'Undeploy';

/** Binds a ComponentRelease to an Environment: the deploy/promote object. */
export type ReleaseBinding = ChoreoObject<
  'ReleaseBinding',
  {
    owner: ComponentOwner;
    environment: string;
    /** Promotion and rollback change this field. */
    releaseName?: string;
    componentTypeEnvironmentConfigs?: JsonObject;
    traitEnvironmentConfigs?: Record<string, JsonObject>;
    workloadOverrides?: {
      container?: { env?: EnvVar[]; files?: FileVar[] };
    };
    state?: ReleaseBindingState;
  },
  ConditionsStatus & {
    endpoints?: ReleaseBindingEndpointStatus[];
    connectionTargets?: ConnectionTarget[];
    resolvedConnections?: ResolvedConnection[];
    pendingConnections?: PendingConnection[];
    resourceDependencyTargets?: ResourceDependencyTarget[];
    pendingResourceDependencies?: PendingResourceDependency[];
    secretReferenceNames?: string[];
    lastSpecUpdateTime?: string;
  }
>;

export type HealthStatus =
  | 'Unknown'
  | 'Progressing'
  | 'Healthy'
  | 'Suspended'
  | 'Degraded';

/** Fully rendered manifests for one target plane. */
export type RenderedRelease = ChoreoObject<
  'RenderedRelease',
  {
    owner: {
      projectName: string;
      componentName?: string;
      resourceName?: string;
    };
    environmentName: string;
    targetPlane?: 'dataplane' | 'observabilityplane';
    resources?: Array<{ id: string; object: JsonObject }>;
    interval?: string;
    progressingInterval?: string;
  },
  ConditionsStatus & {
    resources?: Array<{
      id: string;
      group?: string;
      version: string;
      kind: string;
      name: string;
      namespace?: string;
      status?: JsonObject;
      healthStatus?: HealthStatus;
      lastObservedTime?: string;
    }>;
  }
>;
