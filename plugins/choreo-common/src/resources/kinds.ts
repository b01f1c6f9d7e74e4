import {
  ClusterComponentType,
  ClusterTrait,
  Component,
  ComponentType,
  Trait,
} from './component';
import { DeploymentPipeline, Environment } from './environment';
import { JsonObject, ObjectMeta } from './meta';
import { CHOREO_API_VERSION } from '../constants';
import {
  ClusterDataPlane,
  ClusterWorkflowPlane,
  DataPlane,
  WorkflowPlane,
} from './planes';
import {
  ClusterProjectType,
  Project,
  ProjectRelease,
  ProjectReleaseBinding,
  ProjectType,
} from './project';
import {
  AuthzRole,
  AuthzRoleBinding,
  ClusterAuthzRole,
  ClusterAuthzRoleBinding,
} from './authz';
import { ComponentRelease, ReleaseBinding, RenderedRelease } from './release';
import {
  ClusterWorkflow,
  SecretReference,
  Workflow,
  WorkflowRun,
} from './workflow';
import { Workload } from './workload';
import {
  ClusterResourceType,
  Resource,
  ResourceRelease,
  ResourceReleaseBinding,
  ResourceType,
} from './managedResource';

/**
 * A control-plane namespace (an "organization"): a core Kubernetes Namespace
 * labelled `openchoreo.dev/control-plane=true`. Its display name, description
 * and owner live in annotations.
 */
export interface ControlPlaneNamespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec?: JsonObject;
  status?: JsonObject;
}

/** Every kind the product reads or writes, keyed by kind. */
export interface ChoreoKindMap {
  Namespace: ControlPlaneNamespace;
  Project: Project;
  ProjectType: ProjectType;
  ClusterProjectType: ClusterProjectType;
  ProjectRelease: ProjectRelease;
  ProjectReleaseBinding: ProjectReleaseBinding;
  Component: Component;
  ComponentType: ComponentType;
  ClusterComponentType: ClusterComponentType;
  Trait: Trait;
  ClusterTrait: ClusterTrait;
  Workload: Workload;
  ComponentRelease: ComponentRelease;
  ReleaseBinding: ReleaseBinding;
  RenderedRelease: RenderedRelease;
  Resource: Resource;
  ResourceType: ResourceType;
  ClusterResourceType: ClusterResourceType;
  ResourceRelease: ResourceRelease;
  ResourceReleaseBinding: ResourceReleaseBinding;
  Environment: Environment;
  DeploymentPipeline: DeploymentPipeline;
  DataPlane: DataPlane;
  ClusterDataPlane: ClusterDataPlane;
  WorkflowPlane: WorkflowPlane;
  ClusterWorkflowPlane: ClusterWorkflowPlane;
  Workflow: Workflow;
  ClusterWorkflow: ClusterWorkflow;
  WorkflowRun: WorkflowRun;
  SecretReference: SecretReference;
  AuthzRole: AuthzRole;
  ClusterAuthzRole: ClusterAuthzRole;
  AuthzRoleBinding: AuthzRoleBinding;
  ClusterAuthzRoleBinding: ClusterAuthzRoleBinding;
}

export type ChoreoKind = keyof ChoreoKindMap;

/** Any OpenChoreo resource the product knows. */
export type ChoreoResource = ChoreoKindMap[ChoreoKind];

/** The resource of kind K. */
export type ResourceOf<K extends ChoreoKind> = ChoreoKindMap[K];

/** Scope and REST plural of each kind (from the v1.2 CRDs). */
export interface ChoreoKindInfo {
  kind: ChoreoKind;
  apiVersion: string;
  plural: string;
  namespaced: boolean;
}

const kind = (
  k: ChoreoKind,
  plural: string,
  namespaced: boolean,
): ChoreoKindInfo => ({
  kind: k,
  apiVersion: CHOREO_API_VERSION,
  plural,
  namespaced,
});

/** All kinds in dependency order: platform objects first, then projects, components and their state. */
export const CHOREO_KINDS: readonly ChoreoKindInfo[] = [
  {
    kind: 'Namespace',
    apiVersion: 'v1',
    plural: 'namespaces',
    namespaced: false,
  },
  kind('ClusterDataPlane', 'clusterdataplanes', false),
  kind('ClusterWorkflowPlane', 'clusterworkflowplanes', false),
  kind('ClusterProjectType', 'clusterprojecttypes', false),
  kind('ClusterComponentType', 'clustercomponenttypes', false),
  kind('ClusterTrait', 'clustertraits', false),
  kind('ClusterResourceType', 'clusterresourcetypes', false),
  kind('ClusterWorkflow', 'clusterworkflows', false),
  kind('ClusterAuthzRole', 'clusterauthzroles', false),
  kind('ClusterAuthzRoleBinding', 'clusterauthzrolebindings', false),
  kind('DataPlane', 'dataplanes', true),
  kind('WorkflowPlane', 'workflowplanes', true),
  kind('Environment', 'environments', true),
  kind('DeploymentPipeline', 'deploymentpipelines', true),
  kind('ProjectType', 'projecttypes', true),
  kind('ComponentType', 'componenttypes', true),
  kind('Trait', 'traits', true),
  kind('ResourceType', 'resourcetypes', true),
  kind('Workflow', 'workflows', true),
  kind('SecretReference', 'secretreferences', true),
  kind('AuthzRole', 'authzroles', true),
  kind('AuthzRoleBinding', 'authzrolebindings', true),
  kind('Project', 'projects', true),
  kind('ProjectRelease', 'projectreleases', true),
  kind('ProjectReleaseBinding', 'projectreleasebindings', true),
  kind('Resource', 'resources', true),
  kind('ResourceRelease', 'resourcereleases', true),
  kind('ResourceReleaseBinding', 'resourcereleasebindings', true),
  kind('Component', 'components', true),
  kind('Workload', 'workloads', true),
  kind('ComponentRelease', 'componentreleases', true),
  kind('ReleaseBinding', 'releasebindings', true),
  kind('RenderedRelease', 'renderedreleases', true),
  kind('WorkflowRun', 'workflowruns', true),
];

const byKind = new Map(CHOREO_KINDS.map(k => [k.kind as string, k]));

/** Scope and plural of a kind, or undefined when the product does not know it. */
export function choreoKindInfo(k: string): ChoreoKindInfo | undefined {
  return byKind.get(k);
}

export function isChoreoKind(k: string): k is ChoreoKind {
  return byKind.has(k);
}

/** Identity of one resource: kind, namespace (absent when cluster-scoped) and name. */
export interface ResourceKey {
  kind: ChoreoKind;
  namespace?: string;
  name: string;
}

/** `Kind:namespace/name` (or `Kind:name` when cluster-scoped): a stable string id. */
export function resourceKeyString(key: ResourceKey): string {
  return key.namespace
    ? `${key.kind}:${key.namespace}/${key.name}`
    : `${key.kind}:${key.name}`;
}

/** The key of any object with a kind and metadata (Namespaces have no spec, so only these are required). */
export function resourceKeyOf(resource: {
  kind: string;
  metadata: Pick<ObjectMeta, 'name' | 'namespace'>;
}): ResourceKey {
  return {
    kind: resource.kind as ChoreoKind,
    namespace: resource.metadata.namespace,
    name: resource.metadata.name,
  };
}
