import {
  CHOREO_API_VERSION,
  choreoKindInfo,
} from '@choreo-for-backstage/plugin-choreo-common';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeTestEnv, startKubeTestEnv } from '@internal/kube-testenv';
import { collectionPath, objectPath } from '../kubePaths';

export type { KubeTestEnv };
export { startKubeTestEnv };

export function kubeConfigOf(env: KubeTestEnv): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(env.kubeconfig);
  return kc;
}

export function controlPlaneNamespace(name: string, labelled = true) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: labelled ? { 'openchoreo.dev/control-plane': 'true' } : {},
    },
  };
}

export function component(
  namespace: string,
  name: string,
  projectName = 'shop',
) {
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Component',
    metadata: { name, namespace },
    spec: {
      owner: { projectName },
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
      },
    },
  };
}

export function project(namespace: string, name: string) {
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Project',
    metadata: { name, namespace },
    spec: {
      deploymentPipelineRef: { name: 'default' },
      type: { kind: 'ClusterProjectType', name: 'default' },
    },
  };
}

interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string };
}

/** Creates objects through the admin connection of the harness. */
export async function createAll(env: KubeTestEnv, objects: Obj[]) {
  for (const object of objects) {
    const info = choreoKindInfo(object.kind)!;
    await env.call(
      'POST',
      collectionPath(
        info,
        info.namespaced ? object.metadata.namespace : undefined,
      ),
      object,
    );
  }
}

export function pathOf(kind: string, name: string, namespace?: string) {
  return objectPath(choreoKindInfo(kind)!, { name, namespace });
}

/** JSON merge patch of one object. */
export function mergePatch(
  env: KubeTestEnv,
  kind: string,
  name: string,
  namespace: string | undefined,
  patch: unknown,
) {
  return env.call('PATCH', pathOf(kind, name, namespace), patch, {
    contentType: 'application/merge-patch+json',
  });
}
