import {
  Component,
  ReleaseBinding,
  ReleaseBindingEndpointStatus,
  WorkloadEndpoint,
} from '@choreo-for-backstage/plugin-choreo-common';

/**
 * What the OpenChoreo controllers would have written back once everything
 * is deployed: derived from the spec alone (no random draws), so turning it
 * on does not change the rest of a synthetic organization.
 */

const SYNCED_AT = '2026-08-01T00:00:00Z';

const trueCondition = (type: string, reason: string) => ({
  type,
  status: 'True' as const,
  reason,
  message: reason,
  lastTransitionTime: SYNCED_AT,
  observedGeneration: 1,
});

/** Ready bindings whose endpoints report service, internal and external URLs by visibility. */
export function deployedBindingStatus(
  binding: ReleaseBinding,
  endpoints: Record<string, WorkloadEndpoint>,
): ReleaseBinding {
  const { environment, owner } = binding.spec;
  const namespace = binding.metadata.namespace ?? 'default';
  const host = `${owner.componentName}.dp-${namespace}-${owner.projectName}-${environment}.svc.cluster.local`;
  const reported = Object.entries(endpoints).map(
    ([name, ep]): ReleaseBindingEndpointStatus => {
      const path = `/${owner.componentName}-${name}`;
      const gateway = (scope: string) => ({
        https: {
          scheme: 'https',
          host: `${environment}-${namespace}.${scope}.example.com`,
          port: 443,
          path,
        },
      });
      return {
        name,
        type: ep.type,
        serviceURL: { scheme: 'http', host, port: ep.port },
        ...(ep.visibility?.includes('internal')
          ? { internalURLs: gateway('internal') }
          : {}),
        ...(ep.visibility?.includes('external')
          ? { externalURLs: gateway('apps') }
          : {}),
      };
    },
  );
  return {
    ...binding,
    metadata: { ...binding.metadata, generation: 1 },
    status: {
      observedGeneration: 1,
      conditions: [
        trueCondition('ReleaseSynced', 'ReleaseSynced'),
        trueCondition('ResourcesReady', 'DeploymentReady'),
        trueCondition('Ready', 'Ready'),
      ],
      endpoints: reported,
    },
  };
}

/** The component points at its newest release, as the controller records it. */
export function releasedComponentStatus(
  component: Component,
  releaseName: string,
): Component {
  return {
    ...component,
    status: { latestRelease: { name: releaseName } },
  };
}
