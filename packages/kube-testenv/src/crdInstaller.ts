import path from 'node:path';
import { KubeConnection, kubeCall, kubeRequest, waitFor } from './kubeRest';
import { readManifests } from './manifests';
import { KubeObject } from './openchoreoFixtures';
import { openchoreoModuleDir } from './openchoreoModule';
import { PACKAGE_DIR } from './packageDir';

/** The CRD manifests shipped with this package, for kinds OpenChoreo renders into other planes. */
export const BUNDLED_CRDS = {
  /** Argo Workflows `Workflow` (argoproj.io/v1alpha1), as applied to the workflow plane. */
  'argo-workflows': path.join(
    PACKAGE_DIR,
    'crds',
    'argoproj.io_workflows.yaml',
  ),
  /** Cilium `CiliumNetworkPolicy` (cilium.io/v2), rendered when a DataPlane uses Cilium. */
  'cilium-network-policies': path.join(
    PACKAGE_DIR,
    'crds',
    'cilium.io_ciliumnetworkpolicies.yaml',
  ),
} as const;
export type BundledCrd = keyof typeof BUNDLED_CRDS;

interface CrdManifest {
  apiVersion: string;
  kind: 'CustomResourceDefinition';
  metadata: { name: string; resourceVersion?: string };
  spec: {
    group: string;
    names: { plural: string };
    versions: Array<{ name: string; served?: boolean }>;
  };
}

interface CrdStatus {
  status?: { conditions?: Array<{ type: string; status: string }> };
  metadata: { resourceVersion: string };
}

/** The YAML files of the OpenChoreo CRDs (config/crd/bases of the Go module). */
export function openchoreoCrdPaths(version?: string): string[] {
  return [path.join(openchoreoModuleDir(version), 'config', 'crd', 'bases')];
}

/** Expands files and directories (their *.yaml / *.yml files) into CRD manifests. */
export function readCrdManifests(paths: string[]): CrdManifest[] {
  const manifests = readManifests(paths).filter(
    (obj): obj is KubeObject & CrdManifest =>
      obj.kind === 'CustomResourceDefinition',
  );
  if (manifests.length === 0) {
    throw new Error(`No CustomResourceDefinition found in ${paths.join(', ')}`);
  }
  return manifests;
}

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/**
 * Creates (or replaces) the CRDs and waits until each is Established and its resources are
 * served, so a test can create custom objects right after this resolves.
 */
export async function installCrds(
  conn: KubeConnection,
  manifests: CrdManifest[],
): Promise<void> {
  await Promise.all(
    manifests.map(async crd => {
      const created = await kubeRequest(conn, 'POST', CRD_PATH, crd);
      if (created.status === 409) {
        const existing = await kubeCall<CrdStatus>(
          conn,
          'GET',
          `${CRD_PATH}/${crd.metadata.name}`,
        );
        const replacement = {
          ...crd,
          metadata: {
            ...crd.metadata,
            resourceVersion: existing.metadata.resourceVersion,
          },
        };
        await kubeCall(
          conn,
          'PUT',
          `${CRD_PATH}/${crd.metadata.name}`,
          replacement,
        );
      } else if (created.status >= 300) {
        const message =
          (created.body as { message?: string })?.message ??
          JSON.stringify(created.body);
        throw new Error(
          `Installing CRD ${crd.metadata.name} failed (HTTP ${created.status}): ${message}`,
        );
      }
    }),
  );
  await Promise.all(
    manifests.map(async crd => {
      await waitFor(`CRD ${crd.metadata.name} to be Established`, async () => {
        const current = await kubeCall<CrdStatus>(
          conn,
          'GET',
          `${CRD_PATH}/${crd.metadata.name}`,
        );
        const established = current.status?.conditions?.some(
          c => c.type === 'Established' && c.status === 'True',
        );
        return established ? true : undefined;
      });
      const version = crd.spec.versions.find(v => v.served !== false)?.name;
      await waitFor(
        `${crd.spec.names.plural}.${crd.spec.group} to be served`,
        async () => {
          const list = await kubeRequest(
            conn,
            'GET',
            `/apis/${crd.spec.group}/${version}/${crd.spec.names.plural}?limit=1`,
          );
          return list.status === 200 ? true : undefined;
        },
      );
    }),
  );
}
