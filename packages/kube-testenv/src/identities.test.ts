import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { KubeTestEnv, startKubeTestEnv } from './kubeTestEnv';
import { KubeApiError, kubeCall, waitFor } from './kubeRest';
import { createObject } from './objectApi';

// Real etcd + kube-apiserver (no CRDs); RBAC decides for everyone but the admin.
jest.setTimeout(180_000);

describe('a ServiceAccount identity on the test API server', () => {
  let env: KubeTestEnv;

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'none' });
    await createObject(env, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'portal' },
    });
    await createObject(env, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'reader', namespace: 'portal' },
    });
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('has only the rights its bindings give it, through its connection and its kubeconfig', async () => {
    const reader = await env.serviceAccount('portal', 'reader');
    expect(reader.user).toBe('system:serviceaccount:portal:reader');

    const refused: KubeApiError = await kubeCall(
      reader,
      'GET',
      '/api/v1/namespaces',
    ).then(
      () => {
        throw new Error('the reader listed namespaces');
      },
      (e: KubeApiError) => e,
    );
    expect(refused).toBeInstanceOf(KubeApiError);
    expect(refused.status).toBe(403);
    expect(refused.message).toContain(
      'User "system:serviceaccount:portal:reader" cannot list resource "namespaces"',
    );

    // (`view` and the other aggregated roles stay empty: their aggregation is a controller's job)
    await createObject(env, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'pod-reader' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }],
    });
    await createObject(env, {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'reader-reads-pods', namespace: 'portal' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'pod-reader',
      },
      subjects: [
        { kind: 'ServiceAccount', name: 'reader', namespace: 'portal' },
      ],
    });
    await waitFor(
      'the binding to take effect',
      async () =>
        await kubeCall(reader, 'GET', '/api/v1/namespaces/portal/pods')
          .then(() => true)
          .catch(() => undefined),
    );

    const kc = new KubeConfig();
    kc.loadFromString(reader.kubeconfig);
    const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({
      namespace: 'portal',
    });
    expect(pods.items).toEqual([]);
    // pods in its namespace only: still no namespaces
    await expect(
      kc.makeApiClient(CoreV1Api).listNamespace(),
    ).rejects.toMatchObject({ code: 403 });
  });
});
