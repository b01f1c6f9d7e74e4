import {
  ChoreoObject,
  ComponentOwner,
  ConditionsStatus,
  JsonObject,
} from './meta';
import { ComponentTypeSpec, TraitSpec } from './component';
import { WorkloadTemplateSpec, EndpointType } from './workload';

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
        kind?: string;
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
  host?: string;
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
      container?: { env?: JsonObject[]; files?: JsonObject[] };
    };
    state?: ReleaseBindingState;
  },
  ConditionsStatus & {
    endpoints?: ReleaseBindingEndpointStatus[];
    connectionTargets?: JsonObject[];
    resolvedConnections?: JsonObject[];
    pendingConnections?: JsonObject[];
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
