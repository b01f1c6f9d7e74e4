import {
  KubeTestEnv,
  createObject,
  startKubeTestEnv,
} from '@internal/kube-testenv';
import { KubeletLogsTestDouble } from './KubeletLogsTestDouble';

/** The one node of the test workflow plane; its kubelet is the test double. */
export const WORKFLOW_NODE = 'kubelet-double';

/**
 * A real kube-apiserver with the Argo Workflows CRDs and one Node whose
 * kubelet (where pod logs come from) is KubeletLogsTestDouble: a workflow
 * plane whose build pods' logs the tests choose.
 */
export async function startWorkflowPlaneCluster(): Promise<{
  env: KubeTestEnv;
  kubelet: KubeletLogsTestDouble;
  stop: () => Promise<void>;
}> {
  const kubelet = await KubeletLogsTestDouble.start();
  const env = await startKubeTestEnv({
    crds: 'none',
    extraCrds: ['argo-workflows'],
    extraApiServerArgs: [
      `--kubelet-certificate-authority=${kubelet.caFile}`,
      '--kubelet-preferred-address-types=InternalIP',
    ],
  });
  await createObject(env, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: WORKFLOW_NODE },
  });
  await env.call(
    'PATCH',
    `/api/v1/nodes/${WORKFLOW_NODE}/status`,
    {
      status: {
        addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
        daemonEndpoints: { kubeletEndpoint: { Port: kubelet.port } },
      },
    },
    { contentType: 'application/merge-patch+json' },
  );
  return {
    env,
    kubelet,
    stop: async () => {
      await env.stop();
      await kubelet.stop();
    },
  };
}
