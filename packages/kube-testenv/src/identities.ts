import { kubeconfigYaml } from './controlPlaneArgs';
import { KubeConnection, kubeCall } from './kubeRest';

/**
 * Someone other than the admin on the test API server, with only the rights RBAC grants it:
 * its connection (for `kubeRequest`, `createObject`...) and a kubeconfig for client libraries.
 */
export interface KubeIdentity extends KubeConnection {
  /** The user name RBAC decides on, e.g. `system:serviceaccount:backstage:portal`. */
  user: string;
  /** Kubeconfig YAML with this identity's token (context `kube-testenv`). */
  kubeconfig: string;
}

interface TokenRequestAnswer {
  status: { token: string };
}

/**
 * A token of an existing ServiceAccount from the TokenRequest API (what a pod or
 * `kubectl create token` gets). The API server signs it with the environment's
 * service-account key and authenticates it like a pod's token.
 */
export async function serviceAccountIdentity(
  admin: KubeConnection,
  namespace: string,
  name: string,
  expirationSeconds = 3600,
): Promise<KubeIdentity> {
  const answer = await kubeCall<TokenRequestAnswer>(
    admin,
    'POST',
    `/api/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/serviceaccounts/${encodeURIComponent(name)}/token`,
    {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { expirationSeconds },
    },
  );
  const user = `system:serviceaccount:${namespace}:${name}`;
  const { server, caData } = admin;
  const token = answer.status.token;
  return {
    server,
    caData,
    token,
    user,
    kubeconfig: kubeconfigYaml(server, caData, token, user),
  };
}
